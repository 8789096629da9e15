/// A small one-day frab schedule.xml (Mini Conf, 2025-06-01), for the versions tests write
/// between loads: the remote tests (fetch, cache, reload) and the dashboard's live reload.
public struct MiniSchedule: Sendable {
    public struct Talk: Sendable {
        public var guid: String
        public var id: Int
        public var title: String
        public var start: String  // HH:MM on 2025-06-01
        public var room: String
        public var person: String

        public init(guid: String, id: Int, title: String, start: String, room: String = "Main", person: String = "Ada Lovelace") {
            self.guid = guid; self.id = id; self.title = title; self.start = start; self.room = room; self.person = person
        }
    }

    public var version: String
    public var talks: [Talk]

    public init(version: String, talks: [Talk]) {
        self.version = version
        self.talks = talks
    }

    public static let first = MiniSchedule(version: "1.0", talks: [
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000001", id: 1, title: "Opening", start: "10:00"),
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000002", id: 2, title: "Parsers", start: "11:00"),
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000003", id: 3, title: "Caches", start: "12:00"),
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000004", id: 4, title: "Closing", start: "17:00"),
    ])

    public var xml: String {
        let rooms = Dictionary(grouping: talks, by: \.room).sorted { $0.key < $1.key }
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule>
          <version>\(version)</version>
          <conference><acronym>mini25</acronym><title>Mini Conf</title><start>2025-06-01</start><end>2025-06-01</end>
            <time_zone_name>Europe/Berlin</time_zone_name></conference>
          <day index="1" date="2025-06-01">

        """
        for (room, talks) in rooms {
            text += "    <room name=\"\(room)\">\n"
            for talk in talks {
                text += """
                      <event guid="\(talk.guid)" id="\(talk.id)">
                        <date>2025-06-01T\(talk.start):00+02:00</date><start>\(talk.start)</start><duration>00:45</duration>
                        <room>\(room)</room><title>\(talk.title)</title><type>Talk</type>
                        <persons><person id="\(talk.id)">\(talk.person)</person></persons>
                      </event>

                """
            }
            text += "    </room>\n"
        }
        return text + "  </day>\n</schedule>\n"
    }
}
