#!/usr/bin/env python3
"""Prints each VEVENT of an .ics file as read by the Python icalendar library, one JSON object
a line: uid, sequence, status, summary, dtstart. The starred-export tests read confdash's
calendars back with it, as a calendar application would."""
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as handle:
    calendar = icalendar.Calendar.from_ical(handle.read())
for event in calendar.walk("VEVENT"):
    start = event.get("DTSTART")
    print(json.dumps({
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS", "")),
        "summary": str(event.get("SUMMARY")),
        "dtstart": start.dt.isoformat() if start is not None else None,
    }, ensure_ascii=False, sort_keys=True))
