import Foundation

/// scripts/test-http-server.py, started by the test that needs it on 127.0.0.1 and a free port,
/// and stopped when the test ends (it also exits by itself when its stdin closes).
public final class TestServer: @unchecked Sendable {
    public struct Answer: Encodable {
        public var status: Int?
        public var body: String?
        public var body_file: String?
        public var etag: String?
        public var last_modified: String?
        public var gzip: Bool?
        public var redirect: String?
        public var delay: Double?
        public var cut_after: Int?
        public var stall_after: Int?
        public var stall: Double?
        public var size: Int64?
        public var announce_length: Bool?

        public init(status: Int? = nil, body: String? = nil, bodyFile: String? = nil, etag: String? = nil, lastModified: String? = nil,
             gzip: Bool? = nil, redirect: String? = nil, delay: Double? = nil, cutAfter: Int? = nil, stallAfter: Int? = nil,
             stall: Double? = nil, size: Int64? = nil, announceLength: Bool? = nil) {
            self.status = status; self.body = body; self.body_file = bodyFile; self.etag = etag; self.last_modified = lastModified
            self.gzip = gzip; self.redirect = redirect; self.delay = delay; self.cut_after = cutAfter; self.stall_after = stallAfter
            self.stall = stall; self.size = size; self.announce_length = announceLength
        }
    }

    public struct Request: Decodable {
        public var path: String
        public var if_none_match: String?
        public var if_modified_since: String?
        public var accept_encoding: String?
        public var user_agent: String?
    }

    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public let directory: URL
    public let port: Int
    private let process: Process
    private let input: Pipe
    private let routes: URL
    private let log: URL

    public init() throws {
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

    public func stop() {
        // Closing its stdin ends the server by itself; SIGTERM too (it unblocks it).
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    public func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    /// What the server answers from now on (rewritten whole, atomically).
    public func serve(_ answers: [String: Answer]) throws {
        let data = try JSONEncoder().encode(answers)
        try data.write(to: routes, options: .atomic)
    }

    /// A body file in the server's folder.
    public func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    public var requests: [Request] {
        guard let data = try? Data(contentsOf: log) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDecoder().decode(Request.self, from: Data($0)) }
    }
}
