"""What the check-export-*.py scripts share: the agenda they compare an export with, and how
they report (one `FILE: error: …` line a problem, or one summary line; exit status 1 or 0)."""

import json


def agenda_sessions(path):
    """The sessions of `confdash agenda --format json` output, in agenda order."""
    with open(path, encoding="utf-8") as file:
        return json.load(file)["sessions"]


def report(path, problems, summary):
    """Prints each problem as `PATH: error: PROBLEM` and returns 1; without problems prints
    `PATH: SUMMARY` and returns 0."""
    for problem in problems:
        print(f"{path}: error: {problem}")
    if problems:
        return 1
    print(f"{path}: {summary}")
    return 0
