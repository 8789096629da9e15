import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a browser on a web address: `$BROWSER` (a colon-separated list of commands, the first
/// one found on PATH; `%s` in it stands for the address, else the address is the last argument),
/// else `xdg-open`. The program is spawned directly — never through a shell, so nothing in the
/// address is interpreted — in its own session, with /dev/null for its input and output so it
/// cannot draw over the dashboard. Injected into the store so tests record instead of launching.
public struct LinkLauncher: Sendable {
    public enum Outcome: Equatable, Sendable {
        case started(program: String)
        case noBrowser
        case failed(program: String, reason: String)
    }

    public var open: @Sendable (String) -> Outcome

    public init(open: @escaping @Sendable (String) -> Outcome) { self.open = open }

    public static let system = LinkLauncher { url in
        let environment = ProcessInfo.processInfo.environment
        guard let (path, arguments) = command(for: url, environment: environment) else { return .noBrowser }
        let program = (path as NSString).lastPathComponent
        switch spawn(path, arguments) {
        case nil: return .started(program: program)
        case let reason?: return .failed(program: program, reason: reason)
        }
    }

    /// The program (a full path) and its arguments for `url`; nil when none can be found.
    static func command(for url: String, environment: [String: String]) -> (String, [String])? {
        let searchPath = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        var candidates = (environment["BROWSER"] ?? "").split(separator: ":").map { $0.split(separator: " ").map(String.init) }
        candidates.append(["xdg-open"])
        for words in candidates {
            guard let name = words.first, let path = executable(name, in: searchPath) else { continue }
            var arguments = Array(words.dropFirst())
            if arguments.contains(where: { $0.contains("%s") }) {
                arguments = arguments.map { $0.replacingOccurrences(of: "%s", with: url) }
            } else {
                arguments.append(url)
            }
            return (path, arguments)
        }
        return nil
    }

    private static func executable(_ name: String, in searchPath: [String]) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        return searchPath.lazy.map { $0 + "/" + name }.first { access($0, X_OK) == 0 }
    }

    /// nil when started; else why not. The child is reaped on a background thread.
    private static func spawn(_ path: String, _ arguments: [String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc's 0x80, not exported to Swift): the browser outlives the
        // terminal closing, and keys typed here never reach it.
        posix_spawnattr_setflags(&attributes, 0x80)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard status == 0 else { return String(cString: strerror(status)) }
        let child = pid
        Thread.detachNewThread { var code: Int32 = 0; _ = waitpid(child, &code, 0) }
        return nil
    }
}
