#!/usr/bin/env python3
"""Check a schedule.xml or schedule.json that `confdash export` wrote against the sessions
confdash's agenda lists: nothing made up, nothing lost without a reason.

Usage: scripts/check-export-schedule.py FILE.xml|FILE.json AGENDA.json [--schema SCHEMA.json] [--expect-all-timed]

AGENDA.json is `confdash agenda --format json`, run with the same --data, filters and --lang.
With --schema, a .json file is first validated against that JSON schema (jsonschema, draft 6,
formats checked). Validate a .xml file with `xmllint --noout --schema schedule.xml.xsd FILE`.
Then, for every event in the schedule:
  - its slug names a session of the agenda (`<acronym>-<session id>`), and its guid and id are unique;
  - that session states a clock time and a duration, and the event has exactly that local start,
    that duration, that title and that room (an empty room name when the source states none).
A session with no stated time in the schedule is an error: it would be an invented time.
With --expect-all-timed, every agenda session with a start and a duration must be there.

Exit status: 0 all match; 1 a check failed; 64 bad usage; 69 jsonschema is missing (with --schema).
"""

import argparse
import json
import sys
import xml.etree.ElementTree as ElementTree

from export_check import agenda_sessions, report


def events_from_json(document):
    for day in document["schedule"]["conference"]["days"]:
        for room, events in day["rooms"].items():
            for event in events:
                yield {"guid": event["guid"], "id": event["id"], "slug": event["slug"], "title": event["title"],
                       "date": event["date"], "duration": event["duration"], "room": event["room"], "room_key": room}


def events_from_xml(root):
    for day in root.findall("day"):
        for room in day.findall("room"):
            for event in room.findall("event"):
                yield {"guid": event.get("guid"), "id": int(event.get("id")), "slug": event.findtext("slug"),
                       "title": event.findtext("title"), "date": event.findtext("date"),
                       "duration": event.findtext("duration"), "room": event.findtext("room"), "room_key": room.get("name")}


def main(argv):
    parser = argparse.ArgumentParser(description="Check an exported schedule against confdash's agenda.")
    parser.add_argument("schedule")
    parser.add_argument("agenda")
    parser.add_argument("--schema")
    parser.add_argument("--expect-all-timed", action="store_true")
    try:
        options = parser.parse_args(argv[1:])
    except SystemExit:
        return 64
    sessions = {s["id"]: s for s in agenda_sessions(options.agenda)}

    problems = []
    if options.schedule.endswith(".json"):
        with open(options.schedule, encoding="utf-8") as file:
            document = json.load(file)
        if options.schema:
            try:
                import jsonschema
            except ImportError:
                print("check-export-schedule: the jsonschema package is missing (python3 -m pip install jsonschema)", file=sys.stderr)
                return 69
            with open(options.schema, encoding="utf-8") as file:
                schema = json.load(file)
            validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.Draft6Validator.FORMAT_CHECKER)
            for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
                path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
                problems.append(f"schema: {path}: {error.message}")
        events = list(events_from_json(document))
    else:
        events = list(events_from_xml(ElementTree.parse(options.schedule).getroot()))

    for key in ("guid", "id", "slug"):
        values = [event[key] for event in events]
        if len(values) != len(set(values)):
            problems.append(f"two events share a {key}")
    exported = set()
    for event in events:
        # `<acronym>-<session id>`, a short id padded in front with `_` (ids never contain one).
        session_id = event["slug"].split("-", 1)[1].lstrip("_") if "-" in event["slug"] else None
        session = sessions.get(session_id)
        if session is None:
            problems.append(f"slug {event['slug']!r} names no session of the agenda")
            continue
        exported.add(session_id)
        if not session["start"] or not session["durationMinutes"]:
            problems.append(f"{session_id}: in the schedule at {event['date']}, but the source states no start and duration")
            continue
        if event["date"][:16] != session["start"]:
            problems.append(f"{session_id}: date {event['date']}, the source says {session['start']}")
        hours, minutes = event["duration"].split(":")[:2]
        if int(hours) * 60 + int(minutes) != session["durationMinutes"]:
            problems.append(f"{session_id}: duration {event['duration']}, the source says {session['durationMinutes']} minutes")
        if event["title"] != session["title"]:
            problems.append(f"{session_id}: title {event['title']!r}, the agenda says {session['title']!r}")
        if event["room"] != (session["room"] or "") or event["room_key"] != event["room"]:
            problems.append(f"{session_id}: room {event['room']!r} under {event['room_key']!r}, the source says {session['room']!r}")
    timed = {i for i, s in sessions.items() if s["start"] and s["durationMinutes"]}
    if options.expect_all_timed:
        for session_id in sorted(timed - exported):
            problems.append(f"{session_id}: has a start and a duration but is not in the schedule")

    return report(options.schedule, problems, f"{len(events)} of {len(sessions)} sessions in the schedule, each with the start, duration, "
                  f"title and room the source states; {len(sessions) - len(events)} left out")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
