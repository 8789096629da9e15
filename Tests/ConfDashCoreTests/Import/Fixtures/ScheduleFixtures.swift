/// Small schedules written for the import tests, embedded as strings so the test target needs no
/// resource rules. Each builder wraps the part a test is about in an otherwise valid file.
enum ScheduleFixtures {
    /// A frab schedule.xml with one day. `conference` goes inside <conference>, `rooms` inside <day>.
    static func xml(conference: String = "<time_zone_name>Europe/Brussels</time_zone_name>",
                    day: String = #"date="2024-03-08" index="1" start="2024-03-08T09:00:00+01:00" end="2024-03-09T04:00:00+01:00""#,
                    rooms: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule>
          <version>1.0</version>
          <conference>
            <acronym>testcon24</acronym>
            <title>TestCon 2024</title>
            <start>2024-03-08</start>
            <end>2024-03-09</end>
            \(conference)
          </conference>
          <day \(day)>
        \(rooms)
          </day>
        </schedule>
        """
    }

    /// One <event> in room "Main Hall" of `xml(…)`.
    static func xmlEvent(id: String = "101", _ children: String) -> String {
        """
            <room name="Main Hall">
              <event id="\(id)" guid="00000000-0000-4000-8000-000000000\(id)">
                \(children)
              </event>
            </room>
        """
    }

    /// The rich one: most of what frab writes, and some of what real files add.
    static let richXML = xml(
        conference: """
            <time_zone_name>Europe/Brussels</time_zone_name>
            <url>https://testcon.example.org/</url>
            <base_url>https://testcon.example.org/schedule/</base_url>
            <track name="Security" color="#0347B4" slug="security"/>
            <track name="Art &amp; Beauty" color="#f9b000"/>
            <something_new>real files carry elements the XSD does not know</something_new>
        """,
        rooms: """
            <room name="Main Hall" guid="ba692ba3-421b-5371-8309-60acc34a3c05">
              <event id="101" guid="270fa44c-821a-577f-8ca3-33e8d4a8c2a7">
                <date>2024-03-08T10:00:00+01:00</date>
                <start>10:00</start>
                <duration>00:45</duration>
                <room>Main Hall</room>
                <slug>testcon24-101-opening</slug>
                <url>https://testcon.example.org/talk/101</url>
                <title>Opening &amp; welcome</title>
                <subtitle/>
                <track>Security</track>
                <type>Ceremony</type>
                <language>en</language>
                <abstract><![CDATA[<p>Welcome to <b>TestCon</b>!</p><p>See <a href="https://example.org/slides">the slides</a>.</p>]]></abstract>
                <description>**Bring** your _badge_. Read [the guide](https://testcon.example.org/guide) &lt;3</description>
                <persons>
                  <person id="1" guid="0c16ffaa-709d-599f-959f-9a38b911361a">Ada Lovelace</person>
                  <person id="2">Grace Hopper</person>
                </persons>
                <links>
                  <link href="https://example.org/video">Video</link>
                  <link href="/attachments/1.pdf">Slides</link>
                  <link href="file://notes.pdf">Notes</link>
                </links>
                <recording><license/><optout>false</optout></recording>
                <answers><answer><answer>x</answer><question>6</question></answer></answers>
              </event>
              <event id="102" guid="270fa44c-821a-577f-8ca3-33e8d4a8c2a8">
                <date>2024-03-08T14:00:00+01:00</date>
                <start>14:00</start>
                <duration>01:00</duration>
                <room>Main Hall</room>
                <title>Art in the age of machines</title>
                <track>Art &amp; Beauty</track>
                <type>Talk 40 (30min +10 Q&amp;A)</type>
                <language>fr</language>
                <abstract>L’art et les machines.</abstract>
                <persons><person id="2">Grace Hopper</person></persons>
              </event>
            </room>
            <room name="Workshop Room">
              <event id="103" guid="270fa44c-821a-577f-8ca3-33e8d4a8c2a9">
                <date>2024-03-08T11:00:00+01:00</date>
                <start>11:00</start>
                <duration>02:00</duration>
                <room>Workshop Room</room>
                <title>Soldering for everyone</title>
                <track>Hardware &amp; Making</track>
                <type>Workshop</type>
                <language>de, en</language>
              </event>
            </room>
        """)

    /// A frab-flavoured schedule.json; `events` is the list of Main Hall's events on 2019-08-21.
    static func frabJSON(timeZone: String = "Europe/Berlin", events: String) -> String {
        """
        {
          "$schema": "https://c3voc.de/schedule/schema.json",
          "schedule": {
            "version": "1.0",
            "base_url": "https://camp.example.org/Fahrplan/",
            "conference": {
              "acronym": "camp2019",
              "title": "Camp 2019",
              "start": "2019-08-21",
              "end": "2019-08-22",
              "daysCount": 1,
              "timeslot_duration": "00:15",
              "time_zone_name": "\(timeZone)",
              "days": [
                {
                  "index": 1,
                  "date": "2019-08-21",
                  "day_start": "2019-08-21T09:00:00+02:00",
                  "day_end": "2019-08-22T04:00:00+02:00",
                  "rooms": {
                    "Main Hall": [
                      \(events)
                    ]
                  }
                }
              ]
            }
          }
        }
        """
    }

    /// One frab-style event for `frabJSON`, with the given fields added.
    static func jsonEvent(id: Int = 1, date: String = "2019-08-21T11:00:00+02:00", start: String = "11:00",
                          duration: String = "00:30", title: String = "A talk", links: String = "[]", extra: String = "") -> String {
        """
        {
          "id": \(id), "guid": "a0a0fcfe-b7fb-46e3-84b6-97a5406016b\(id % 10)", "logo": null,
          "date": "\(date)", "start": "\(start)", "duration": "\(duration)", "room": "Main Hall",
          "slug": "camp2019-\(id)", "url": "https://camp.example.org/events/\(id).html",
          "title": "\(title)", "subtitle": "", "track": "CCC", "type": "lecture", "language": "en",
          "abstract": "", "description": "", "recording_license": "", "do_not_record": false,
          "persons": [{"id": 7797, "public_name": "jinxx"}], "links": \(links), "attachments": []\(extra)
        }
        """
    }

    /// A pretalx-flavoured schedule.json (rooms and tracks listed up front, persons with codes).
    static let pretalxJSON = """
        {
          "$schema": "https://c3voc.de/schedule/schema.json",
          "schedule": {
            "version": "v1.1",
            "base_url": "https://pretalx.example.org/democon/schedule/",
            "conference": {
              "acronym": "democon",
              "title": "DemoCon",
              "start": "2020-12-14",
              "end": "2020-12-15",
              "daysCount": 2,
              "timeslot_duration": "00:05",
              "time_zone_name": "Europe/Amsterdam",
              "rooms": [{"name": "Tan Room", "guid": "b379c473-93b9-4eae-9a09-d482e86cede3"},
                        {"name": "Gray Room", "guid": "b379c473-93b9-4eae-9a09-d482e86cede4"}],
              "tracks": [{"name": "Phased", "slug": "phased", "color": "#7b3f9e"}],
              "days": [
                {
                  "index": 1, "date": "2020-12-14",
                  "day_start": "2020-12-14T04:00:00+01:00", "day_end": "2020-12-15T03:59:00+01:00",
                  "rooms": {
                    "Gray Room": [
                      {
                        "id": 25, "guid": "8079583e-8321-506c-95af-fd2903a5f075", "code": "G9JGWY", "logo": "",
                        "date": "2020-12-14T09:00:00+01:00", "start": "09:00", "duration": "1:02:00", "room": "Gray Room",
                        "slug": "democon-25-focused", "url": "https://pretalx.example.org/democon/talk/G9JGWY/",
                        "title": "Focused 5th generation hardware", "subtitle": "", "track": "Phased", "type": "Workshop",
                        "language": "en", "abstract": "Brand back-end models!", "description": "Station provide.\\nProfessional pattern.",
                        "recording_license": "", "do_not_record": false,
                        "persons": [{"id": 26, "code": "NQTF8Y", "public_name": "Brian Robinson", "biography": "…", "answers": []}],
                        "links": [], "attachments": []
                      }
                    ]
                  }
                },
                {
                  "index": 2, "date": "2020-12-15",
                  "day_start": "2020-12-15T04:00:00+01:00", "day_end": "2020-12-16T03:59:00+01:00",
                  "rooms": {}
                }
              ]
            }
          }
        }
        """

    /// An iCalendar text with CRLF line ends around `body` (the lines between BEGIN and END:VCALENDAR).
    static func ics(_ body: String, header: String = "X-WR-CALNAME:Test Calendar") -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//confdash tests//EN", header] + body.split(separator: "\n").map(String.init)
            + ["END:VCALENDAR", ""]).joined(separator: "\r\n")
    }

    /// A VTIMEZONE with central European rules (winter +01:00 from the last Sunday of October,
    /// summer +02:00 from the last Sunday of March), its observances starting with the given
    /// DTSTART lines: calendar programs write those differently (Outlook 1601, Evolution a DATE).
    static func centralEuropeanZone(_ tzid: String, standardStart: String, daylightStart: String) -> String {
        func observance(_ name: String, _ start: String, from: String, to: String, month: Int) -> String {
            "BEGIN:\(name)\n\(start)\nTZOFFSETFROM:\(from)\nTZOFFSETTO:\(to)\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=\(month)\nEND:\(name)"
        }
        return ["BEGIN:VTIMEZONE", "TZID:\(tzid)",
                observance("STANDARD", standardStart, from: "+0200", to: "+0100", month: 10),
                observance("DAYLIGHT", daylightStart, from: "+0100", to: "+0200", month: 3),
                "END:VTIMEZONE"].joined(separator: "\n")
    }

    static func vevent(_ lines: String, uid: String = "talk-1@example.org") -> String {
        "BEGIN:VEVENT\nUID:\(uid)\nDTSTAMP:20240101T000000Z\n\(lines)\nEND:VEVENT"
    }

    /// A calendar with most of what calendar programs write: a VTIMEZONE, folding, escapes, quoted
    /// parameters, categories, an alarm.
    static let richICS = ics("""
        BEGIN:VTIMEZONE
        TZID:Europe/Berlin
        X-LIC-LOCATION:Europe/Berlin
        BEGIN:DAYLIGHT
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        TZNAME:CEST
        DTSTART:19700329T020000
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        TZNAME:CET
        DTSTART:19701025T030000
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        UID:opening@testcon
        DTSTAMP:20241201T000000Z
        DTSTART;TZID=Europe/Berlin:20241227T103000
        DTEND;TZID=Europe/Berlin:20241227T110000
        SUMMARY:Opening\\, with a long title that a calendar program folds over more than one line be
         cause lines are limited to 75 octets
        DESCRIPTION:First line\\nSecond line\\; with a semicolon and a backslash \\\\ here
        LOCATION:Saal 1
        CATEGORIES:CCC,Ceremony
        URL:https://events.example.org/opening
        ORGANIZER;CN="Doe, Jane":mailto:jane@example.org
        BEGIN:VALARM
        ACTION:DISPLAY
        TRIGGER:-PT15M
        DESCRIPTION:Reminder
        END:VALARM
        END:VEVENT
        BEGIN:VEVENT
        UID:talk-2@testcon
        DTSTAMP:20241201T000000Z
        DTSTART:20241227T130000Z
        DURATION:PT45M
        SUMMARY:A talk written in UTC
        LOCATION;ALTREP="https://map.example.org/saal-2":Saal 2
        CATEGORIES:Security
        END:VEVENT
        """, header: "X-WR-CALNAME:TestCon ICS\nX-WR-TIMEZONE:Europe/Berlin")
}
