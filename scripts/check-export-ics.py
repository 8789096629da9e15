#!/usr/bin/env python3
"""Read an iCalendar file that `confdash export --format ics` wrote back with the `icalendar`
package, and check that it holds exactly the sessions confdash's agenda lists.

Usage: scripts/check-export-ics.py FILE.ics AGENDA.json EVENTS.json

AGENDA.json is `confdash agenda --format json` and EVENTS.json `confdash events --format json`,
run with the same --data, filters and --lang as the export. Checked:
  - the file's own framing: CRLF line ends only, no physical line over 75 octets (RFC 5545 3.1);
  - icalendar parses it; one VEVENT per session, no more, no less; UIDs are unique and are
    `<session id>@<event id>.confdash`;
  - each SUMMARY is the session title;
  - dates: a clock time is DTSTART with that local time (and DTEND exactly its duration later,
    counted in real time); a day only is an all-day entry on that day; a span of possible days,
    or no day, is an all-day entry over the span or the whole event, marked X-CONFDASH-DAY.

Exit status: 0 all match; 1 a check failed; 64 bad usage; 69 the icalendar package is missing.
"""

import datetime
import json
import sys

from export_check import agenda_sessions, report

try:
    from icalendar import Calendar
except ImportError:
    print("check-export-ics: the icalendar package is missing (python3 -m pip install icalendar)", file=sys.stderr)
    sys.exit(69)


def framing_problems(raw):
    problems = []
    if raw and not raw.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    if raw.count(b"\n") != raw.count(b"\r\n"):
        problems.append("a line ends with a bare LF or CR instead of CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"line {number} is {len(line)} octets long (at most 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} splits a UTF-8 sequence or is not UTF-8")
    return problems


def as_date(value):
    return datetime.date.fromisoformat(value)


def check_dates(uid, session, event_days, vevent, problems):
    start = vevent.decoded("DTSTART")
    end = vevent.decoded("DTEND") if "DTEND" in vevent else None
    if session.get("start"):
        if not isinstance(start, datetime.datetime):
            problems.append(f"{uid}: DTSTART {start} should be the stated time {session['start']}")
            return
        if start.replace(tzinfo=None).isoformat()[:16] != session["start"]:
            problems.append(f"{uid}: DTSTART {start.isoformat()} is not the stated start {session['start']}")
        minutes = session.get("durationMinutes")
        if minutes is None:
            if end is not None:
                problems.append(f"{uid}: DTEND {end} given, but the source states no duration")
        elif end is None:
            problems.append(f"{uid}: no DTEND for a session of {minutes} minutes")
        else:
            # Real elapsed time: aware datetimes in UTC (floating ones as they are).
            if start.tzinfo is not None:
                start, end = start.astimezone(datetime.timezone.utc), end.astimezone(datetime.timezone.utc)
            if end - start != datetime.timedelta(minutes=minutes):
                problems.append(f"{uid}: DTEND is {end - start} after DTSTART, the source says {minutes} minutes")
        return
    # No clock time: an all-day entry, never a made-up time.
    if isinstance(start, datetime.datetime) or isinstance(end, datetime.datetime) or end is None:
        problems.append(f"{uid}: no clock time is stated, so it must be an all-day entry (VALUE=DATE with DTEND)")
        return
    if session.get("day"):
        first = last = as_date(session["day"])
    elif session.get("possibleDays"):
        first, last = as_date(session["possibleDays"]["from"]), as_date(session["possibleDays"]["to"])
    else:
        first, last = event_days[session["event"]]
    if (start, end) != (first, last + datetime.timedelta(days=1)):
        problems.append(f"{uid}: all-day entry {start}..{end} (exclusive) should cover {first}..{last}")
    day_stated = bool(session.get("day"))
    marked = str(vevent.get("X-CONFDASH-DAY", "")) == "NOT-STATED"
    if marked == day_stated:
        problems.append(f"{uid}: X-CONFDASH-DAY:NOT-STATED must be there exactly when the source states no day")


def main(argv):
    if len(argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    ics_path, agenda_path, events_path = argv[1:]
    with open(ics_path, "rb") as file:
        raw = file.read()
    sessions = agenda_sessions(agenda_path)
    with open(events_path, encoding="utf-8") as file:
        event_days = {e["id"]: (as_date(e["startDate"]), as_date(e["endDate"])) for e in json.load(file)["events"]}

    problems = framing_problems(raw)
    calendar = Calendar.from_ical(raw)
    vevents = calendar.walk("VEVENT")
    expected = {f"{s['id']}@{s['event']}.confdash": s for s in sessions}
    found = {}
    for vevent in vevents:
        uid = str(vevent.get("UID"))
        if uid in found:
            problems.append(f"UID {uid} appears twice")
        found[uid] = vevent
    if len(vevents) != len(sessions):
        problems.append(f"{len(vevents)} VEVENTs for {len(sessions)} sessions")
    for uid in sorted(set(expected) - set(found)):
        problems.append(f"{uid}: session missing from the calendar")
    for uid in sorted(set(found) - set(expected)):
        problems.append(f"{uid}: VEVENT that is not a session of the agenda")
    for uid, vevent in found.items():
        session = expected.get(uid)
        if session is None:
            continue
        if str(vevent.get("SUMMARY")) != session["title"]:
            problems.append(f"{uid}: SUMMARY {str(vevent.get('SUMMARY'))!r} is not the title {session['title']!r}")
        check_dates(uid, session, event_days, vevent, problems)

    return report(ics_path, problems, f"icalendar reads {len(vevents)} events back: same UIDs, titles and dates as the agenda")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
