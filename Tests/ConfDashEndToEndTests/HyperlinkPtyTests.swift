import ConfDashTestSupport
import Foundation
import Testing

/// OSC 8 links end to end (issue 10). tmux 3.3a drops OSC 8, so the real binary runs under a
/// pseudo-terminal of its own (Python's `pty`), and the test reads the raw bytes it wrote: with
/// `CONFDASH_HYPERLINKS=1` a session's address is sent as a well-formed
/// `ESC ] 8 ; ; URL ESC \` … `ESC ] 8 ; ; ESC \` pair, with `=0` no OSC 8 at all, and an address
/// from the data with control bytes in it is never sent, linked or not.
@Suite(.serialized) struct HyperlinkPtyTests {
    /// Runs the program in a 120x40 pty, waits for its first frame (READY shows), sends each
    /// key once the screen has been quiet for a moment, and writes everything the program printed to OUT. Exits 0 when the program ended.
    static let harness = #"""
    import fcntl, os, pty, select, signal, struct, sys, termios, time
    out, ready, keys, program = sys.argv[1], sys.argv[2].encode(), sys.argv[3].split(" "), sys.argv[4:]
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execv(program[0], program)
    data = bytearray()
    def read_until_quiet(quiet, limit):
        end = time.time() + limit
        last = time.time()
        while time.time() < end:
            readable, _, _ = select.select([fd], [], [], 0.05)
            if readable:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return False
                if not chunk:
                    return False
                data.extend(chunk)
                last = time.time()
            elif data and time.time() - last > quiet:
                return True
        return True
    names = {"Enter": b"\r", "Escape": b"\x1b"}
    # Keys typed before the first frame could be dropped: wait for it (READY is text on it).
    start = time.time()
    while ready not in data and time.time() - start < 60:
        if not read_until_quiet(0.2, 0.5):
            break
    read_until_quiet(0.3, 5)
    for key in keys:
        os.write(fd, names.get(key, key.encode()))
        read_until_quiet(0.4, 10)
    ended = False
    deadline = time.time() + 30
    while time.time() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            ended = True
            break
        if not read_until_quiet(0.05, 0.1):
            time.sleep(0.05)  # the pty is closed: the program is on its way out
    if not ended:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    read_until_quiet(0.05, 0.2)
    open(out, "wb").write(bytes(data))
    sys.exit(0 if ended else 3)
    """#

    struct Run {
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    static func run(data: URL, ready: String, keys: String, hyperlinks: String) throws -> Run? {
        guard let python = Programs.onPath("python3") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("python3 is needed for the pty test") }
            return nil
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-pty-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("run_in_pty.py"), out = directory.appendingPathComponent("out.bin")
        try harness.write(to: script, atomically: true, encoding: .utf8)
        // A clean environment: the terminal is xterm-256color (no hyperlink detection from it),
        // so only CONFDASH_HYPERLINKS decides; state and cache go to the temporary folder.
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HOME=\(directory.path)",
                           "XDG_STATE_HOME=\(directory.path)/state", "XDG_CACHE_HOME=\(directory.path)/cache",
                           "PATH=/usr/bin:/bin", "CONFDASH_HYPERLINKS=\(hyperlinks)"]
        let result = try Programs.run(python, [script.path, out.path, ready, keys, "/usr/bin/env", "-i"] + environment
                                      + [Executable.confdash.path, "--data", data.path])
        #expect(result.status == 0, "the dashboard did not quit: \(result.output)")
        return Run(bytes: Array((try? Data(contentsOf: out)) ?? Data()))
    }

    static let open = "\u{1B}]8;;", close = "\u{1B}\\"

    /// Every OSC 8 in `text`, in order: the URL of an opening, "" for a closing.
    static func osc8(_ text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: close) else { found.append("<unterminated>"); break }
            found.append(String(rest[..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    static var congress: URL? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ["../shared", "../../shared"].map { root.appendingPathComponent($0 + "/fixtures/schedules/38c3-schedule.xml").standardizedFileURL }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    @Test func linksAreWellFormedPairsWhenOnAndAbsentWhenOff() throws {
        guard let congress = Self.congress, let on = try Self.run(data: congress, ready: "quit", keys: "Enter G q q", hyperlinks: "1"),
              let off = try Self.run(data: congress, ready: "quit", keys: "Enter G q q", hyperlinks: "0") else { return }
        let url = "https://events.ccc.de/congress/2024/hub/de/event/38c3-opening-ceremony/"
        let links = Self.osc8(on.text)
        #expect(links.contains(url), "the Opening Ceremony's address is sent as a link: \(links.prefix(6))")
        // Openings and closings alternate, each opening a safe address, each closed.
        #expect(!links.isEmpty && links.count % 2 == 0)
        for (position, link) in links.enumerated() {
            #expect(position % 2 == 0 ? link.hasPrefix("https://") || link.hasPrefix("http://") : link.isEmpty, "\(position): \(link)")
        }
        let withText = "\u{1B}]8;;" + url + "\u{1B}\\"
        #expect(on.text.contains(withText))
        #expect(Self.osc8(off.text).isEmpty && !off.text.contains("\u{1B}]8"), "no OSC 8 with CONFDASH_HYPERLINKS=0")
        #expect(off.text.contains("38c3-opening-ceremony"), "the address is still shown as text")
    }

    /// A schedule.json whose session has a good address and one with an escape sequence and a
    /// bell in it (a stranger's file could try to smuggle a link or a title change to the terminal).
    static func hostileSchedule(in directory: URL) throws -> URL {
        let hostile = #"https://evil.example/\u001b]8;;https://phish.example/\u001b\\\u0007\u001b]2;pwned\u0007"#
        let json = #"""
        {"schedule": {"version": "1", "conference": {"acronym": "hostile", "title": "Hostile Conf",
          "start": "2025-06-01", "end": "2025-06-01", "daysCount": 1, "time_zone_name": "Europe/Berlin",
          "days": [{"index": 1, "date": "2025-06-01", "rooms": {"Main": [
            {"id": 1, "guid": "aaaaaaaa-0000-5000-8000-0000000000aa", "date": "2025-06-01T10:00:00+02:00",
             "start": "10:00", "duration": "00:45", "room": "Main", "title": "Links", "type": "lecture",
             "persons": [], "links": [{"url": "https://good.example/talk", "title": "good"},
                                       {"url": "\#(hostile)", "title": "bad"}]}]}}]}}}
        """#
        let url = directory.appendingPathComponent("hostile.json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func anAddressWithControlBytesIsNeverSent() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-hostile-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The reader leaves the address out with a warning, which W lists: the details, then the
        // warnings, are drawn, and neither lets a byte of the address's escapes through.
        guard let run = try Self.run(data: Self.hostileSchedule(in: directory), ready: "Links", keys: "Enter G q W q q",
                                     hyperlinks: "1") else { return }
        let links = Self.osc8(run.text)
        #expect(links.contains("https://good.example/talk"), "the good address is linked: \(links)")
        #expect(!links.contains { $0.contains("evil") || $0.contains("phish") }, "\(links)")
        #expect(!run.text.contains("phish.example/\u{1B}") && !run.text.contains("pwned\u{07}") && !run.text.contains("\u{1B}]2;"),
                "no control byte from the data reaches the terminal")
        #expect(!run.bytes.contains(0x07), "no bell from the data")
        #expect(run.text.contains("phish.example"), "the warning was shown (the address escaped): the test saw it")
    }
}
