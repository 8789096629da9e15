#!/usr/bin/env python3
"""Tests for docs/confdash-dataset.schema.json.

Checks that the schema is itself a valid draft 2020-12 schema, that docs/examples/minimal-dataset.json
matches it, and that each of a list of broken copies of that example is refused with the expected
error at the expected place. Each broken copy changes one thing, so an error there is caused by it.

Usage: scripts/test-dataset-schema.py        Needs the jsonschema package; installs nothing itself.
Exit status: 0 all cases pass, 1 some case failed, 69 jsonschema is missing.
"""

import copy
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "docs" / "confdash-dataset.schema.json"
EXAMPLE = REPO / "docs" / "examples" / "minimal-dataset.json"


def event(d):
    return d["events"][0]


def session(d, index=0):
    return event(d)["sessions"][index]


def drop_arrays(dataset):
    for key in ("sources", "regions", "countries", "places", "organisations", "people", "tracks", "technologies"):
        del dataset[key]
    for key in ("organisations", "figures", "technologies", "days", "rooms", "links", "sessions", "sources"):
        del event(dataset)[key]


def change(function):
    """Wraps an in-place change so that cases read as one line each."""
    def apply(dataset):
        function(dataset)
        return dataset
    return apply


# (what is broken, change, JSON path of the expected error, jsonschema keyword that must fail there)
INVALID = [
    ("missing title", change(lambda d: d.pop("title")), "$", "required"),
    ("missing events", change(lambda d: d.pop("events")), "$", "required"),
    ("wrong format name", change(lambda d: d.update(format="confdash")), "$.format", "const"),
    ("wrong version", change(lambda d: d.update(version=2)), "$.version", "const"),
    ("misspelt top-level key", change(lambda d: d.update(evnets=[])), "$", "additionalProperties"),
    ("extra key in an event", change(lambda d: event(d).update(venue="Hall 1")), "$.events[0]", "additionalProperties"),
    ("event without startDate", change(lambda d: event(d).pop("startDate")), "$.events[0]", "required"),
    ("date with a slash", change(lambda d: event(d).update(startDate="2024/03/18")), "$.events[0].startDate", "pattern"),
    ("date that does not exist", change(lambda d: event(d).update(endDate="2023-02-29")), "$.events[0].endDate", "pattern"),
    ("date with a time", change(lambda d: event(d).update(endDate="2024-03-20T10:00")), "$.events[0].endDate", "pattern"),
    ("null required date", change(lambda d: event(d).update(startDate=None)), "$.events[0].startDate", "type"),
    ("unknown event kind", change(lambda d: event(d).update(kind="workshop")), "$.events[0].kind", "enum"),
    ("enum in the wrong case", change(lambda d: event(d).update(kind="Conference")), "$.events[0].kind", "enum"),
    ("unknown session kind", change(lambda d: session(d).update(kind="lunch")), "$.events[0].sessions[0].kind", "enum"),
    ("unknown figure qualifier", change(lambda d: event(d)["figures"][0].update(qualifier="over")),
     "$.events[0].figures[0].qualifier", "enum"),
    ("figure value as text", change(lambda d: event(d)["figures"][0].update(value="60")),
     "$.events[0].figures[0].value", "type"),
    ("figure value as a fraction", change(lambda d: event(d)["figures"][0].update(value=60.5)),
     "$.events[0].figures[0].value", "type"),
    ("id with capitals", change(lambda d: event(d).update(id="Example-2024")), "$.events[0].id", "pattern"),
    ("id starting with a hyphen", change(lambda d: session(d).update(id="-opening")),
     "$.events[0].sessions[0].id", "pattern"),
    ("lowercase country code", change(lambda d: d["countries"][0].update(code="be")), "$.countries[0].code", "pattern"),
    ("alpha-3 code as country reference", change(lambda d: event(d).update(country="BEL")), "$.events[0].country", "pattern"),
    ("three-digit colour", change(lambda d: d["tracks"][0].update(color="#2E8")), "$.tracks[0].color", "pattern"),
    ("latitude out of range", change(lambda d: d["places"][0].update(latitude=95)), "$.places[0].latitude", "maximum"),
    ("empty localized text", change(lambda d: event(d).update(title={})), "$.events[0].title", "minProperties"),
    ("blank localized text", change(lambda d: event(d).update(title={"en": " "})), "$.events[0].title.en", "pattern"),
    ("third language in a text", change(lambda d: event(d)["title"].update(de="Beispiel")),
     "$.events[0].title", "additionalProperties"),
    ("plain string for a localized text", change(lambda d: event(d).update(title="Example")), "$.events[0].title", "type"),
    ("null array", change(lambda d: event(d).update(sessions=None)), "$.events[0].sessions", "type"),
    ("same source twice", change(lambda d: event(d).update(sources=["example-release", "example-release"])),
     "$.events[0].sources", "uniqueItems"),
    ("start with seconds", change(lambda d: session(d).update(start="2024-03-18T09:30:00")),
     "$.events[0].sessions[0].start", "pattern"),
    ("start hour 24", change(lambda d: session(d).update(start="2024-03-18T24:00")),
     "$.events[0].sessions[0].start", "pattern"),
    ("both day and possibleDays", change(lambda d: session(d).update(possibleDays={"from": "2024-03-18", "to": "2024-03-19"})),
     "$.events[0].sessions[0].possibleDays", "type"),
    ("possibleDays without to", change(lambda d: session(d, 1)["possibleDays"].pop("to")),
     "$.events[0].sessions[1].possibleDays", "required"),
    ("count of one", change(lambda d: session(d, 1).update(count=1)), "$.events[0].sessions[1].count", "minimum"),
    ("unknown part of day", change(lambda d: session(d).update(partOfDay="night")),
     "$.events[0].sessions[0].partOfDay", "enum"),
    ("unknown person role", change(lambda d: session(d)["people"][0].update(role="chair")),
     "$.events[0].sessions[0].people[0].role", "enum"),
    ("link that is not http", change(lambda d: event(d)["links"][0].update(url="example.org")),
     "$.events[0].links[0].url", "pattern"),
    ("language as a name", change(lambda d: d["sources"][0].update(language="English")),
     "$.sources[0].language", "pattern"),
    ("time zone with a space", change(lambda d: event(d).update(timeZone="Central European Time")),
     "$.events[0].timeZone", "pattern"),
    ("inferred day without a reason", change(lambda d: session(d).update(dayBasis={"quote": "on the first day", "inferred": True})),
     "$.events[0].sessions[0].dayBasis", "required"),
    ("stated day without the source's words", change(lambda d: session(d).update(dayBasis={"inferred": False})),
     "$.events[0].sessions[0].dayBasis", "required"),
    ("unknown key in dayBasis", change(lambda d: session(d).update(dayBasis={"quote": "on the first day", "why": "x"})),
     "$.events[0].sessions[0].dayBasis", "additionalProperties"),
    ("computed figure without a note", change(lambda d: event(d)["figures"][1].update(computed=True)),
     "$.events[0].figures[1]", "required"),
    ("groupTopic as a string", change(lambda d: session(d, 1).update(groupTopic="yes")),
     "$.events[0].sessions[1].groupTopic", "type"),
    ("quotedLanguage as a name", change(lambda d: event(d).update(quotedLanguage="French")),
     "$.events[0].quotedLanguage", "pattern"),
]

# Variants that must still be accepted: the absent/null/empty forms the format allows.
VALID = [
    ("optional property null", change(lambda d: event(d).update(timeZone=None, shortTitle=None))),
    ("optional properties absent", change(lambda d: [event(d).pop(k) for k in ("timeZone", "shortTitle", "place")])),
    ("array properties absent", change(drop_arrays)),
    ("no events at all", change(lambda d: d.update(events=[]))),
    ("French only text", change(lambda d: event(d).update(title={"fr": "Atelier"}))),
    ("day with possibleDays null", change(lambda d: session(d).update(possibleDays=None))),
    ("fixed-offset time zone", change(lambda d: event(d).update(timeZone="+01:00"))),
    ("leap day", change(lambda d: event(d).update(startDate="2024-02-29"))),
    ("lowercase colour", change(lambda d: d["tracks"][0].update(color="#2e86ab"))),
    ("stated day with its quote", change(lambda d: session(d).update(dayBasis={"quote": "on the first day"}))),
    ("inferred day with a reason", change(lambda d: session(d).update(
        dayBasis={"inferred": True, "reason": {"en": "The opening is on the first day."}}))),
    ("computed figure with a note", change(lambda d: event(d)["figures"][1].update(computed=True, note={"en": "from the dates"}))),
    ("topic of a group, translated title", change(lambda d: session(d, 1).update(groupTopic=True, quotedLanguage="fr"))),
    ("event with a theme of the year", change(lambda d: event(d).update(officialTitle=True, quotedLanguage="fr",
                                                                        yearTheme={"fr": "Thème de l'année"}))),
]


def main():
    try:
        from jsonschema import Draft202012Validator
    except ImportError:
        print("error: the Python package jsonschema is missing: python3 -m pip install jsonschema", file=sys.stderr)
        return 69

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))

    failures = []
    errors = list(validator.iter_errors(example))
    if errors:
        failures.append(f"the example does not match: {[e.message for e in errors]}")

    for name, apply, path, keyword in INVALID:
        found = [(e.json_path, e.validator) for e in validator.iter_errors(apply(copy.deepcopy(example)))]
        if (path, keyword) not in found:
            failures.append(f"{name}: expected a {keyword!r} error at {path}, got {found or 'no error'}")
        elif any(found_path != path for found_path, _ in found):
            failures.append(f"{name}: expected errors at {path} only, got {found}")

    for name, apply in VALID:
        found = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(apply(copy.deepcopy(example)))]
        if found:
            failures.append(f"{name}: expected no error, got {found}")

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    total = 1 + len(INVALID) + len(VALID)
    print(f"schema tests: {total - len(failures)} of {total} passed "
          f"(schema valid, example valid, {len(INVALID)} broken variants refused, {len(VALID)} variants accepted)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
