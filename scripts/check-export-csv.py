#!/usr/bin/env python3
"""Read a CSV file that `confdash export --format csv` wrote back with Python's `csv` module, and
check that it holds exactly the sessions confdash's agenda lists.

Usage: scripts/check-export-csv.py FILE.csv AGENDA.json

AGENDA.json is `confdash agenda --format json`, run with the same --data, filters and --lang.
Checked: strict UTF-8 without a byte order mark; CRLF record ends; the documented header; one
row per session, in agenda order, each with as many fields as the header; ids, titles and uids
as the agenda gives them (a title a spreadsheet would run as a formula starts with ').

Exit status: 0 all match; 1 a check failed; 64 bad usage.
"""

import csv
import io
import sys

from export_check import agenda_sessions, report

HEADER = ["id", "event", "event_title", "title", "kind", "count", "day", "possible_days", "part_of_day",
          "start", "end", "duration_minutes", "time_zone", "room", "tracks", "technologies", "people",
          "organisations", "language", "description", "abstract", "links", "uid"]


def defused(text):
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    csv_path, agenda_path = argv[1:]
    with open(csv_path, "rb") as file:
        raw = file.read()
    sessions = agenda_sessions(agenda_path)
    problems = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("the file starts with a byte order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        print(f"{csv_path}: error: not UTF-8: {error}")
        return 1
    if not text.endswith("\r\n"):
        problems.append("the last record does not end with CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows or rows[0] != HEADER:
        problems.append(f"header is {rows[0] if rows else None}, expected {HEADER}")
    records = rows[1:]
    if len(records) != len(sessions):
        problems.append(f"{len(records)} rows for {len(sessions)} sessions")
    for number, (row, session) in enumerate(zip(records, sessions), 2):
        if len(row) != len(HEADER):
            problems.append(f"record {number}: {len(row)} fields, the header has {len(HEADER)}")
            continue
        fields = dict(zip(HEADER, row))
        if fields["id"] != session["id"]:
            problems.append(f"record {number}: id {fields['id']!r}, the agenda has {session['id']!r} here")
        if fields["title"] != defused(session["title"]):
            problems.append(f"record {number}: title {fields['title']!r} is not {defused(session['title'])!r}")
        if fields["uid"] != f"{session['id']}@{session['event']}.confdash":
            problems.append(f"record {number}: uid {fields['uid']!r}")
        if (fields["start"] or None) != session["start"]:
            problems.append(f"record {number}: start {fields['start']!r}, the agenda says {session['start']!r}")
    return report(csv_path, problems,
                  f"csv reads {len(records)} rows back under the documented header: same ids, titles and starts as the agenda")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
