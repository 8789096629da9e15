import ConfDashCore
import ConfDashRemote
import Foundation
import Testing

/// scripts/test-http-server.py, started by the test that needs it on 127.0.0.1 and a free port,
/// and stopped when the test ends (it also exits by itself when its stdin closes).
final class TestServer: @unchecked Sendable {
    struct Answer: Encodable {
        var status: Int?
        var body: String?
        var body_file: String?
        var etag: String?
        var last_modified: String?
        var gzip: Bool?
        var redirect: String?
        var delay: Double?
        var cut_after: Int?
        var stall_after: Int?
        var stall: Double?
        var size: Int64?
        var announce_length: Bool?

        init(status: Int? = nil, body: String? = nil, bodyFile: String? = nil, etag: String? = nil, lastModified: String? = nil,
             gzip: Bool? = nil, redirect: String? = nil, delay: Double? = nil, cutAfter: Int? = nil, stallAfter: Int? = nil,
             stall: Double? = nil, size: Int64? = nil, announceLength: Bool? = nil) {
            self.status = status; self.body = body; self.body_file = bodyFile; self.etag = etag; self.last_modified = lastModified
            self.gzip = gzip; self.redirect = redirect; self.delay = delay; self.cut_after = cutAfter; self.stall_after = stallAfter
            self.stall = stall; self.size = size; self.announce_length = announceLength
        }
    }

    struct Request: Decodable {
        var path: String
        var if_none_match: String?
        var if_modified_since: String?
        var accept_encoding: String?
        var user_agent: String?
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let directory: URL
    let port: Int
    private let process: Process
    private let input: Pipe
    private let routes: URL
    private let log: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        routes = directory.appendingPathComponent("routes.json")
        log = directory.appendingPathComponent("log.jsonl")
        try Data("{}".utf8).write(to: routes)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repository.appendingPathComponent("scripts/test-http-server.py").path, routes.path, log.path]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 2, words[0] == "port", let port = Int(words[1]) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the test server did not start: \(line)"])
        }
        self.port = port
    }

    deinit { stop() }

    func stop() {
        // Closing its stdin ends the server by itself; SIGTERM too (it unblocks it).
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// What the server answers from now on (rewritten whole, atomically).
    func serve(_ answers: [String: Answer]) throws {
        let data = try JSONEncoder().encode(answers)
        try data.write(to: routes, options: .atomic)
    }

    /// A body file in the server's folder.
    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    var requests: [Request] {
        guard let data = try? Data(contentsOf: log) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDecoder().decode(Request.self, from: Data($0)) }
    }
}

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
