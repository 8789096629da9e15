import ConfDashCore
import ConfDashRemote
import ConfDashTestSupport
import Foundation
import Testing

/// A small frab schedule.xml, for versions the tests edit.
struct MiniSchedule {
    struct Talk {
        var guid: String
        var id: Int
        var title: String
        var start: String  // HH:MM on 2025-06-01
        var room = "Main"
        var person = "Ada Lovelace"
    }

    var version: String
    var talks: [Talk]

    static let first = MiniSchedule(version: "1.0", talks: [
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000001", id: 1, title: "Opening", start: "10:00"),
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000002", id: 2, title: "Parsers", start: "11:00"),
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000003", id: 3, title: "Caches", start: "12:00"),
        Talk(guid: "aaaaaaaa-0000-5000-8000-000000000004", id: 4, title: "Closing", start: "17:00"),
    ])

    var xml: String {
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

/// Opens `url` with a cache in `cacheDirectory`, as `--data URL` does.
func openRemote(_ url: URL, cache cacheDirectory: URL, policy: FetchPolicy = FetchPolicy(refresh: true),
                now: @escaping () -> Date = Date.init) throws(RemoteSchedule.Failure) -> RemoteSchedule.Loaded {
    try RemoteSchedule.open(url, policy: policy, cache: ScheduleCache(directory: cacheDirectory), now: now) { data, name in
        DatasetImporter.load(data: data, name: name)
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Short timeouts, so that a slow server fails a test in a second, not a minute.
func quickPolicy(refresh: Bool = true, offline: Bool = false, maxAge: TimeInterval = 300, maximumBytes: Int64? = nil) -> FetchPolicy {
    var limits = FetchLimits()
    limits.connectTimeout = 1
    limits.totalTimeout = 3
    if let maximumBytes { limits.maximumBytes = maximumBytes }
    return FetchPolicy(offline: offline, refresh: refresh, maxAge: maxAge, limits: limits)
}
