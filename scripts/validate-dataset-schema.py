#!/usr/bin/env python3
"""Check a confdash dataset file against docs/confdash-dataset.schema.json.

Usage: scripts/validate-dataset-schema.py [FILE]     (default: Resources/wco-events.json)

Uses jsonschema's Draft202012Validator with format checking on, and prints every problem
as `FILE: error: JSON-PATH: message`. The schema checks the shape of the file; what it cannot
check (unique ids, references that resolve, dates inside their event) is left to
`confdash validate FILE`, which should be run as well.

Needs the `jsonschema` package (python3 -m pip install jsonschema); installs nothing itself.

Exit status, as for `confdash validate`: 0 the file matches the schema; 64 bad usage;
65 the file is not JSON or does not match the schema; 66 the file cannot be read;
69 the jsonschema package is missing.
"""

import argparse
import json
import sys
from pathlib import Path

EX_OK, EX_USAGE, EX_DATAERR, EX_NOINPUT, EX_UNAVAILABLE = 0, 64, 65, 66, 69

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "docs" / "confdash-dataset.schema.json"
DEFAULT_FILE = REPO / "Resources" / "wco-events.json"


def path_key(error):
    """Sort key that keeps array indices in numeric order ([2] before [10])."""
    return [(0, part, "") if isinstance(part, int) else (1, 0, part) for part in error.absolute_path]


def describe(error):
    """jsonschema's message, except where the schema's own description says it better."""
    explanation = error.schema.get("description") if isinstance(error.schema, dict) else None
    if explanation and error.validator in ("pattern", "format"):
        # The message would quote a regular expression; the description says what it means.
        # Dates carry both keywords, and both then give this same text (printed once).
        return f"{error.instance!r} is not valid: {explanation}"
    if explanation and error.validator == "type" and error.validator_value == "null":
        # A rule written as "must be null here" (e.g. possibleDays when day is given).
        return explanation
    return error.message


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    # argparse exits with 2 on bad usage; report it as 64 like the rest of the project.
    def error(self, message):
        raise UsageError(message)


def main(argv):
    parser = Parser(description="Check a confdash dataset file against the JSON Schema.")
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE),
                        help="dataset file to check (default: Resources/wco-events.json)")
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"error: {error}", file=sys.stderr)
        return EX_USAGE

    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        print("error: the Python package jsonschema is missing: python3 -m pip install jsonschema",
              file=sys.stderr)
        return EX_UNAVAILABLE

    name = args.file
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        print(f"{name}: error: cannot read the file: {error}", file=sys.stderr)
        return EX_NOINPUT
    try:
        instance = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        print(f"{name}: error: not UTF-8 text: {error}", file=sys.stderr)
        return EX_DATAERR
    except json.JSONDecodeError as error:
        print(f"{name}:{error.lineno}:{error.colno}: error: not valid JSON: {error.msg}", file=sys.stderr)
        return EX_DATAERR

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(instance), key=lambda e: (path_key(e), e.message))
    # dict keeps the order and drops repeated lines.
    problems = list(dict.fromkeys(f"{error.json_path}: {describe(error)}" for error in errors))
    for problem in problems:
        print(f"{name}: error: {problem}", file=sys.stderr)
    if problems:
        count = len(problems)
        print(f"{name}: {count} schema error{'s' if count != 1 else ''}", file=sys.stderr)
        return EX_DATAERR
    print(f"{name}: matches {SCHEMA.relative_to(REPO)}")
    return EX_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
