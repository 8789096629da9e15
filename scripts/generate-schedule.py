#!/usr/bin/env python3
"""Generate a large, deterministic conference schedule for benchmarks.

    scripts/generate-schedule.py --sessions 100000 --out DIR [--seed 13] [--formats xml,json,ics]

writes DIR/schedule-100k.xml (frab/c3voc schedule.xml), DIR/schedule-100k.json (frab
schedule.json) and DIR/schedule-100k.ics (iCalendar), the same sessions in each. The same
arguments always give byte-identical files (a seeded random.Random, no clock, no hash order),
so figures measured on different machines are about the same data.

Shape (the issue's "20 days x 200 rooms" at 100k): SESSIONS/5,000 days and rooms such that
every room holds 25 slots a day of 30 minutes from 08:00 (durations 15-30 minutes, so a room
never overlaps itself), 24 tracks, 6,000 speakers (1-3 per session), titles and two short
paragraphs of text per session with some accented and non-Latin words, and a little markup in
the descriptions as real pretalx exports have. About 500 bytes of schedule.xml per session:
~50 MB at 100,000 sessions. Sizes: 1k = 4 days x 10 rooms, 10k = 10 days x 40 rooms,
100k = 20 days x 200 rooms; other counts get days and rooms in the same proportions.

The content is synthetic (no real conference, people or talks), in the Europe/Berlin zone,
starting Monday 2 March 2026.
"""
import argparse
import datetime
import json
import os
import random
import sys

SLOTS_PER_DAY = 25          # 08:00 ... 20:00, every 30 minutes
FIRST_SLOT_MINUTES = 8 * 60
ZONE = "Europe/Berlin"
FIRST_DAY = datetime.date(2026, 3, 2)   # no clock change during the 20 days (it is on 29 March)
SHAPES = {1000: (4, 10), 10000: (10, 40), 100000: (20, 200)}

WORDS = ("data network open source kernel memory privacy protocol hardware radio satellite "
         "compiler garbage collector archive community climate energy grid repair security "
         "election voting democracy art music light sound education library map street city "
         "water soil sensor drone rocket battery solar wind fusion quantum ledger cipher key "
         "browser terminal shell editor keyboard font unicode printer camera phone firmware "
         "bootloader modem cable fibre routing mesh federation identity archive museum "
         "sécurité données réseau énergie société démocratie liberté mémoire Überwachung "
         "Datenschutz Straße Gesundheit 自由 データ 網絡").split()
TITLE_SHAPES = ("{A} {b} for {c}", "How {a} breaks {b}", "{A} and {b}: a field report",
                "Ten years of {a} {b}", "Why {a} needs {b}", "{A} {b} in practice",
                "Reverse engineering {a} {b}", "{A}, {b} and the {c} question")
TYPES = ("Talk", "Talk", "Talk", "Workshop", "Lightning talk", "Panel", "Meetup")
LANGUAGES = ("en", "en", "en", "de", "fr")
FIRST_NAMES = ("Ada Alan Anna Bo Chloé Dana Elif Emil Farah Gustav Hana Ines Ivo Jana Jonas Kai "
               "Lea Lin Malik Marta Nadia Noor Olga Omar Pia Quentin Rosa Sami Tara Timo Una "
               "Vera Wen Xavier Yara Zoé Žofia Øystein Jürgen Siân").split()
LAST_NAMES = ("Abebe Berg Castro Dubois Eriksen Fischer García Haddad Ito Jansen Kowalski Li "
              "Müller Nakamura Okafor Petrov Quispe Rossi Schmidt Tanaka Urban Varga Weber "
              "Xu Yilmaz Zielinski Ångström Novák Brontë O'Neil").split()
TRACKS = list(
    ("Security", "Hardware & Making", "Science", "Art & Beauty", "Ethics, Society & Politics",
     "Entertainment", "Community", "Energy", "Education", "Health", "Space", "Radio",
     "Open Data", "Privacy", "Infrastructure", "Languages", "Archives", "Cities",
     "Climate", "Games", "Music", "Law", "Finance", "Mobility"))
COLORS = ["#%06X" % ((i * 2654435761) & 0xFFFFFF) for i in range(len(TRACKS))]


def shape(sessions):
    """Days and rooms for a session count: the table above, or the same proportions."""
    if sessions in SHAPES:
        return SHAPES[sessions]
    slots = max(1, -(-sessions // SLOTS_PER_DAY))          # room-days needed
    days = max(1, min(20, round((slots / 10) ** 0.5)))
    return days, max(1, -(-slots // days))


class Session:
    __slots__ = ("number", "guid", "day", "room", "start", "duration", "title", "track", "kind",
                 "language", "abstract", "description", "persons")


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def make_sessions(count, seed):
    rng = random.Random(seed)
    days, rooms = shape(count)
    people = ["%s %s" % (rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)) + ("" if i < 1200 else " %d" % i)
              for i in range(6000)]
    people_guids = ["%08x-%04x-4%03x-8%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                   rng.getrandbits(12), rng.getrandbits(48)) for _ in people]
    sessions = []
    number = 0
    # Day by day, room by room, slot by slot, until the count is reached: the first days and
    # rooms are full, as in a real schedule built top-down.
    for day in range(days):
        for room in range(rooms):
            for slot in range(SLOTS_PER_DAY):
                if number == count:
                    return days, rooms, people, people_guids, sessions
                s = Session()
                s.number = number
                s.guid = "%08x-%04x-4%03x-9%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                                        rng.getrandbits(12), rng.getrandbits(48))
                s.day = day
                s.room = room
                s.start = FIRST_SLOT_MINUTES + 30 * slot
                s.duration = rng.choice((15, 20, 25, 30))
                a, b, c = rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS)
                s.title = rng.choice(TITLE_SHAPES).format(A=a.capitalize(), a=a, b=b, c=c)
                s.track = rng.randrange(len(TRACKS))
                s.kind = rng.choice(TYPES)
                s.language = rng.choice(LANGUAGES)
                s.abstract = sentence(rng, rng.randint(3, 7))
                s.description = sentence(rng, rng.randint(4, 10))
                if rng.random() < 0.2:
                    s.description += " See <b>%s</b> &amp; *%s*." % (rng.choice(WORDS), rng.choice(WORDS))
                s.persons = rng.sample(range(len(people)), rng.choice((1, 1, 1, 1, 2, 3)))
                sessions.append(s)
                number += 1
    return days, rooms, people, people_guids, sessions


def clock(minutes):
    return "%02d:%02d" % (minutes // 60, minutes % 60)


def room_name(room):
    return "Hall %d" % (room + 1)


def slug(s):
    return "gen-%d" % s.number


def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_xml(path, count, days, rooms, people, guids, sessions):
    # One space of indentation per level and only the elements confdash and the schedule.xml
    # schema use, so that 100,000 sessions come to ~50 MB as in the issue.
    last = FIRST_DAY + datetime.timedelta(days=days - 1)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n')
        w(" <version>generated %d</version>\n <conference>\n" % count)
        w("  <acronym>gen%d</acronym>\n  <title>Generated conference, %d sessions</title>\n" % (count, count))
        w("  <start>%s</start>\n  <end>%s</end>\n  <days>%d</days>\n" % (FIRST_DAY.isoformat(), last.isoformat(), days))
        w("  <timeslot_duration>00:05</timeslot_duration>\n  <time_zone_name>%s</time_zone_name>\n" % ZONE)
        for name, color in zip(TRACKS, COLORS):
            w('  <track name="%s" color="%s"/>\n' % (xml_escape(name), color))
        w(" </conference>\n")
        index = 0
        for day in range(days):
            date = (FIRST_DAY + datetime.timedelta(days=day)).isoformat()
            day_sessions = sessions[index:index + rooms * SLOTS_PER_DAY]
            index += len(day_sessions)
            if not day_sessions:
                break
            w(' <day index="%d" date="%s" start="%sT08:00:00+01:00" end="%sT21:00:00+01:00">\n' % (day + 1, date, date, date))
            for room in range(rooms):
                in_room = day_sessions[room * SLOTS_PER_DAY:(room + 1) * SLOTS_PER_DAY]
                if not in_room:
                    break
                w('  <room name="%s">\n' % room_name(room))
                for s in in_room:
                    w('   <event guid="%s" id="%d">\n' % (s.guid, s.number + 1))
                    w("    <date>%sT%s:00+01:00</date>\n" % (date, clock(s.start)))
                    w("    <start>%s</start>\n    <duration>00:%02d</duration>\n" % (clock(s.start), s.duration))
                    w("    <room>%s</room>\n    <slug>%s</slug>\n" % (room_name(room), slug(s)))
                    w("    <title>%s</title>\n" % xml_escape(s.title))
                    w("    <track>%s</track>\n    <type>%s</type>\n    <language>%s</language>\n"
                      % (xml_escape(TRACKS[s.track]), s.kind, s.language))
                    w("    <abstract>%s</abstract>\n" % xml_escape(s.abstract))
                    w("    <description>%s</description>\n    <persons>\n" % xml_escape(s.description))
                    for p in s.persons:
                        w('     <person id="%d">%s</person>\n' % (p + 1, xml_escape(people[p])))
                    w("    </persons>\n   </event>\n")
                w("  </room>\n")
            w(" </day>\n")
        w("</schedule>\n")


def write_json(path, count, days, rooms, people, guids, sessions):
    last = FIRST_DAY + datetime.timedelta(days=days - 1)
    day_list = []
    index = 0
    for day in range(days):
        date = FIRST_DAY + datetime.timedelta(days=day)
        day_sessions = sessions[index:index + rooms * SLOTS_PER_DAY]
        index += len(day_sessions)
        if not day_sessions:
            break
        room_map = {}
        for room in range(rooms):
            in_room = day_sessions[room * SLOTS_PER_DAY:(room + 1) * SLOTS_PER_DAY]
            if not in_room:
                break
            room_map[room_name(room)] = [{
                "guid": s.guid, "id": s.number + 1,
                "date": "%sT%s:00+01:00" % (date.isoformat(), clock(s.start)),
                "start": clock(s.start), "duration": "00:%02d" % s.duration,
                "room": room_name(room), "slug": slug(s), "title": s.title, "subtitle": "",
                "track": TRACKS[s.track], "type": s.kind, "language": s.language,
                "abstract": s.abstract, "description": s.description,
                "persons": [{"guid": guids[p], "public_name": people[p]} for p in s.persons],
                "links": [], "attachments": [],
            } for s in in_room]
        day_list.append({"index": day + 1, "date": date.isoformat(),
                         "day_start": "%sT08:00:00+01:00" % date.isoformat(),
                         "day_end": "%sT21:00:00+01:00" % date.isoformat(), "rooms": room_map})
    document = {"schedule": {"version": "generated %d" % count, "conference": {
        "acronym": "gen%d" % count, "title": "Generated conference, %d sessions" % count,
        "start": FIRST_DAY.isoformat(), "end": last.isoformat(), "daysCount": days,
        "timeslot_duration": "00:05", "time_zone_name": ZONE,
        "tracks": [{"name": name, "color": color} for name, color in zip(TRACKS, COLORS)],
        "days": day_list}}}
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(document, out, ensure_ascii=False, indent=1)
        out.write("\n")


def ics_text(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """RFC 5545 folding: at most 75 octets a line, never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(len(data), start + limit)
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(parts) + "\r\n"


def write_ics(path, count, days, rooms, people, guids, sessions):
    with open(path, "w", encoding="utf-8", newline="") as out:
        w = out.write
        w("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//confdash//generate-schedule.py//EN\r\n")
        w(fold("X-WR-CALNAME:Generated conference, %d sessions" % count))
        w("X-WR-TIMEZONE:%s\r\n" % ZONE)
        for s in sessions:
            date = FIRST_DAY + datetime.timedelta(days=s.day)
            stamp = date.strftime("%Y%m%d")
            end = s.start + s.duration
            w("BEGIN:VEVENT\r\nUID:%s@generated.confdash\r\nDTSTAMP:20260101T000000Z\r\n" % s.guid)
            w("DTSTART;TZID=%s:%sT%02d%02d00\r\n" % (ZONE, stamp, s.start // 60, s.start % 60))
            w("DTEND;TZID=%s:%sT%02d%02d00\r\n" % (ZONE, stamp, end // 60, end % 60))
            w(fold("SUMMARY:" + ics_text(s.title)))
            w(fold("DESCRIPTION:" + ics_text(s.abstract + "\n\n" + s.description)))
            w(fold("LOCATION:" + ics_text(room_name(s.room))))
            w(fold("CATEGORIES:" + ics_text(TRACKS[s.track])))
            w("END:VEVENT\r\n")
        w("END:VCALENDAR\r\n")


def size_name(count):
    return "%dk" % (count // 1000) if count % 1000 == 0 else str(count)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100000, help="number of sessions (default 100000)")
    parser.add_argument("--out", required=True, help="directory to write schedule-<size>.{xml,json,ics} into")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    parser.add_argument("--formats", default="xml,json,ics", help="comma-separated: xml, json, ics")
    args = parser.parse_args()
    if args.sessions < 1:
        parser.error("--sessions must be at least 1")
    os.makedirs(args.out, exist_ok=True)
    days, rooms, people, guids, sessions = make_sessions(args.sessions, args.seed)
    writers = {"xml": write_xml, "json": write_json, "ics": write_ics}
    for fmt in args.formats.split(","):
        if fmt not in writers:
            parser.error("unknown format %r" % fmt)
        path = os.path.join(args.out, "schedule-%s.%s" % (size_name(args.sessions), fmt))
        temporary = path + ".part"
        writers[fmt](temporary, args.sessions, days, rooms, people, guids, sessions)
        os.replace(temporary, path)
        print("%s: %d sessions, %d days x %d rooms, %d bytes" % (path, len(sessions), days, rooms, os.path.getsize(path)))


if __name__ == "__main__":
    sys.exit(main())
