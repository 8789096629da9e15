#!/usr/bin/env python3
"""Counts, with python icalendar, the events each calendar file holds, for the third-party corpus test.

Usage: count-vevents.py FILE...  Prints one JSON object: file -> number of VEVENTs that have a
DTSTART, or null when python icalendar cannot read the file or an event repeats (RRULE, RDATE,
RECURRENCE-ID: the number of occurrences then depends on expansion rules, not on the file alone).
"""
import json
import sys
import warnings

import icalendar

# Its guesses about vendor-prefixed zone names are not this script's business.
warnings.simplefilter("ignore")
counts = {}
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as handle:
            calendars = icalendar.Calendar.from_ical(handle.read(), multiple=True)
        events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
        repeats = any(key in event for event in events for key in ("RRULE", "RDATE", "RECURRENCE-ID"))
        counts[path] = None if repeats else sum(1 for event in events if "DTSTART" in event)
    except Exception:  # a file python icalendar refuses says nothing about the count
        counts[path] = None
json.dump(counts, sys.stdout)
