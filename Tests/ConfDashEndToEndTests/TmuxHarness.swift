import ConfDashTestSupport
import Foundation
import Testing

/// The executables under test, built next to the test bundle (the target depends on them).
enum Executable {
    static func url(_ name: String) -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent(name)
    }
    static var confdash: URL { url("confdash") }
    static var demo: URL { url("confdash-terminal-demo") }
}

enum Tmux {
    /// tmux on PATH (or in the usual places), nil when it is not installed.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return directories.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static var isAvailable: Bool { path != nil }
    static let skipReason: Comment = "tmux is not installed: the end-to-end terminal tests need it (apt-get install tmux)"
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
}

/// What the wrapper script reports once the program under test has ended.
struct ExitReport: Equatable, CustomStringConvertible {
    /// The program's exit status as the shell sees it: 128 + n when killed by signal n.
    var status: Int32
    /// Whether the terminal modes (echo, canonical input, …) are what they were before it ran.
    var termiosRestored: Bool
    var description: String { "status=\(status) termios=\(termiosRestored ? "same" : "changed")" }
}

/// The pane's modes after the program: what a user would be left with.
struct PaneModes: Equatable, CustomStringConvertible {
    var alternateScreen: Bool
    var cursorVisible: Bool
    var mouseReporting: Bool
    var keypadApplicationMode: Bool

    static let restored = PaneModes(alternateScreen: false, cursorVisible: true, mouseReporting: false, keypadApplicationMode: false)
    var description: String {
        "alternate=\(alternateScreen) cursor=\(cursorVisible) mouse=\(mouseReporting) keypad=\(keypadApplicationMode)"
    }
}

/// One program running in a private tmux server (its own socket and directory), in a pane of a
/// given size. The program runs under a small shell wrapper that records its pid, and after it
/// ends reports its exit status and whether the terminal modes are as before (in a file, and as
/// `EXITED status=N termios=same|changed` on the screen); the wrapper then stays a while, so
/// the screen and the terminal modes can be inspected.
final class TmuxPane {
    let directory: URL
    let socket: String
    private var killed = false
    private static let counter = Counter()

    init(_ executable: URL, _ arguments: [String] = [], width: Int = 80, height: Int = 24,
         environment: [String: String] = [:]) throws {
        guard Tmux.isAvailable else { throw HarnessError(description: "tmux is not installed") }
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("confdash-e2e-\(getpid())-\(Self.counter.next())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        socket = "confdash-e2e-\(getpid())-\(Self.counter.next())"

        let config = directory.appendingPathComponent("tmux.conf")
        try """
        set -g default-terminal tmux-256color
        set -g status off
        set -g history-limit 5000
        set -sg escape-time 0
        """.write(to: config, atomically: true, encoding: .utf8)

        let wrapper = directory.appendingPathComponent("wrapper.sh")
        try """
        pidfile=$1; shift
        trap 'true' INT TERM HUP QUIT
        before=$(stty -g)
        sh -c 'echo $$ > "$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pidfile" "$@"
        status=$?
        after=$(stty -g 2>/dev/null)
        if [ "$before" = "$after" ]; then termios=same; else termios=changed; fi
        printf 'EXITED status=%s termios=%s\\n' "$status" "$termios"
        printf '%s %s\\n' "$status" "$termios" > "$pidfile.exit.tmp" && mv "$pidfile.exit.tmp" "$pidfile.exit"
        # Stay, so the pane keeps its screen and modes for inspection (tmux's remain-on-exit may
        # drop the last output and hides the cursor); not when the terminal has gone.
        if [ -n "$after" ]; then exec sleep 60; fi
        """.write(to: wrapper, atomically: true, encoding: .utf8)

        var variables = ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": directory.path]
        variables.merge(sanitizerEnvironment()) { $1 }
        variables.merge(environment) { $1 }
        let command = ["/bin/sh", wrapper.path, pidFile.path, "/usr/bin/env", "-i"]
            + variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + (environment["TERM"] == nil ? ["TERM=tmux-256color"] : [])
            + [executable.path] + arguments
        try self.tmux(["-f", config.path, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "--"] + command)
    }

    deinit { kill() }

    var pidFile: URL { directory.appendingPathComponent("pid") }

    /// Runs a tmux command against this server; its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let number = Self.counter.next()
        let out = directory.appendingPathComponent("tmux-\(number).out"), err = directory.appendingPathComponent("tmux-\(number).err")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let status = try spawnAndWait(Tmux.path!, ["-u", "-L", socket] + arguments,
                                      environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "TMUX_TMPDIR": directory.path],
                                      standardOutput: out.path, standardError: err.path)
        let output = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let errors = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw HarnessError(description: "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(errors)")
        }
        return output
    }

    /// Sends keys by their tmux names ("Tab", "C-c", "Escape") or as words typed letter by letter.
    func sendKeys(_ keys: String...) throws { try sendKeys(keys) }
    func sendKeys(_ keys: [String]) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    /// Types `text` literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Sends raw bytes to the program, as a terminal would (mouse reports, escape sequences).
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", "0", "-H"] + bytes.map { String($0, radix: 16) })
    }

    /// A left-button press at a cell (0-based), in the X10 mouse encoding tmux-256color announces.
    func click(x: Int, y: Int) throws {
        try sendBytes([0x1B, 0x5B, 0x4D, 32, UInt8(33 + x), UInt8(33 + y)])
        try sendBytes([0x1B, 0x5B, 0x4D, 35, UInt8(33 + x), UInt8(33 + y)])
    }

    /// A wheel step (up or down) at a cell.
    func wheel(up: Bool, x: Int, y: Int) throws {
        try sendBytes([0x1B, 0x5B, 0x4D, up ? 96 : 97, UInt8(33 + x), UInt8(33 + y)])
    }

    /// The visible screen, one string per row, trailing spaces removed.
    func capture() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "0"]).components(separatedBy: "\n").map { line in
            var line = line
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    var screen: String { ((try? capture()) ?? []).joined(separator: "\n") }

    /// Waits until the screen satisfies `condition`; the screen, or an error showing the last one.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 5, _ condition: ([String]) -> Bool) throws -> [String] {
        let timeout = timeout * testTimeoutScale
        let deadline = Date().addingTimeInterval(timeout)
        var lines: [String] = []
        repeat {
            lines = try capture()
            if condition(lines) { return try settled(lines, condition) }
            usleep(20_000)
        } while Date() < deadline
        throw HarnessError(description: "timed out after \(timeout)s waiting for \(what); the screen:\n" + lines.joined(separator: "\n"))
    }

    /// `lines` once the frame they were captured from is drawn whole: a capture can land between
    /// the rows of one frame (a title drawn, its rows not yet: two fresh-clone CI runs under load,
    /// issue 13), so the screen is captured again until two captures agree (three tries). A
    /// later screen that no longer satisfies `condition` (a passing message) gives `lines`.
    private func settled(_ lines: [String], _ condition: ([String]) -> Bool) throws -> [String] {
        var last = lines
        for _ in 0..<3 {
            usleep(15_000)
            let again = try capture()
            guard condition(again) else { return last }
            if again == last { return again }
            last = again
        }
        return last
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 5) throws -> [String] {
        try waitUntil("'\(text)'", timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Resizes the window (the pane follows: the status line is off).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format about the pane, e.g. "#{alternate_on}".
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func modes() throws -> PaneModes {
        let values = try format("#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_cursor_flag}").split(separator: " ")
        guard values.count == 4 else { throw HarnessError(description: "unexpected pane modes \(values)") }
        return PaneModes(alternateScreen: values[0] == "1", cursorVisible: values[1] == "1",
                         mouseReporting: values[2] == "1", keypadApplicationMode: values[3] == "1")
    }

    /// The program's pid, once the wrapper has written it.
    func pid(timeout: Double = 5) throws -> pid_t {
        let deadline = Date().addingTimeInterval(timeout * testTimeoutScale)
        repeat {
            if let text = try? String(contentsOf: pidFile, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            usleep(10_000)
        } while Date() < deadline
        throw HarnessError(description: "the program never started; the screen:\n\(screen)")
    }

    /// Waits for the wrapper's report that the program has ended (from a file), and for its line
    /// on the screen, which shows that tmux has taken in everything the program wrote.
    func exitReport(timeout: Double = 10) throws -> ExitReport {
        let timeout = timeout * testTimeoutScale
        let file = URL(fileURLWithPath: pidFile.path + ".exit")
        let deadline = Date().addingTimeInterval(timeout)
        var text: String?
        repeat {
            text = try? String(contentsOf: file, encoding: .utf8)
            if text == nil { usleep(20_000) }
        } while text == nil && Date() < deadline
        guard let text else { throw HarnessError(description: "the program has not ended after \(timeout)s; the screen:\n\(screen)") }
        let fields = text.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 2, let status = Int32(fields[0]) else { throw HarnessError(description: "unreadable exit report '\(text)'") }
        try waitFor("EXITED status=\(status)", timeout: max(1, deadline.timeIntervalSinceNow))
        return ExitReport(status: status, termiosRestored: fields[1] == "same")
    }

    /// Presses q and checks that the program ended with `status`.
    func quit(expecting status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try sendKeys("q")
        #expect(try exitReport().status == status, sourceLocation: sourceLocation)
    }

    func sendSignal(_ signal: Int32) throws {
        let pid = try pid()
        guard Glibc.kill(pid, signal) == 0 else { throw HarnessError(description: "kill(\(pid), \(signal)) failed: errno \(errno)") }
    }

    /// Ends the tmux server (every pane gets SIGHUP) and removes the directory.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        // The wrapper may still write its report while the server goes down (slowly on a loaded
        // machine); a file created during the removal makes it fail, so try again for a while.
        for _ in 0..<100 {
            try? FileManager.default.removeItem(at: directory)
            if !FileManager.default.fileExists(atPath: directory.path) { break }
            usleep(20_000)
        }
    }
}

/// Whether a process still runs (a zombie waiting for its parent counts as gone).
func processIsRunning(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
}

/// Waits for a process to end.
func waitForExit(_ pid: pid_t, timeout: Double = 5) -> Bool {
    let deadline = Date().addingTimeInterval(timeout * testTimeoutScale)
    while processIsRunning(pid) {
        if Date() > deadline { return false }
        usleep(10_000)
    }
    return true
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int { lock.withLock { value += 1; return value } }
}

/// Runs a program to its end with its output in files, and returns its exit status.
///
/// Not Foundation's `Process`: on Linux it learns that a child ended through a descriptor the
/// child inherits, and the server `tmux new-session` leaves behind keeps that open, so
/// `waitUntilExit` never returns. Here the child gets only /dev/null and the two files (every
/// other descriptor is closed), no blocked signals, and `waitpid` answers.
func spawnAndWait(_ path: String, _ arguments: [String], environment: [String: String],
                  standardOutput: String, standardError: String) throws -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    closeInheritedDescriptors(&actions)

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    // The calling thread may block signals (test and dispatch threads do), and a child inherits
    // that mask: a tmux server started so would never see the SIGTERM that kill-server sends
    // itself, and would outlive the test. The child starts with nothing blocked, every signal
    // at its default.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var nothing = sigset_t(), everything = sigset_t()
    sigemptyset(&nothing)
    sigfillset(&everything)
    posix_spawnattr_setsigmask(&attributes, &nothing)
    posix_spawnattr_setsigdefault(&attributes, &everything)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
    guard result == 0 else { throw HarnessError(description: "cannot start \(path): error \(result)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { throw HarnessError(description: "waitpid failed: errno \(errno)") }
    }
    // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}

/// Makes a spawned child close every descriptor above 2: glibc's
/// posix_spawn_file_actions_addclosefrom_np (hidden from Swift behind _GNU_SOURCE) when there,
/// else one close per descriptor open now.
private func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        return
    }
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
}

/// What a program run without a terminal wrote, and its exit status.
struct PlainRun {
    var status: Int32
    var output: Data
    var errors: String

    /// Runs a program with stdin /dev/null and stdout/stderr in files (so neither is a terminal).
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> PlainRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        let status = try spawnAndWait(executable.path, arguments, environment: environment,
                                      standardOutput: out.path, standardError: err.path)
        return PlainRun(status: status, output: try Data(contentsOf: out), errors: try String(contentsOf: err, encoding: .utf8))
    }
}
