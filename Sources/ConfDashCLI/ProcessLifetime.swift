import Foundation

/// Values the confdash process keeps until it exits (`CommandIO.keepUntilExit`): a loaded
/// schedule of 100,000 sessions is millions of small objects, and freeing them one by one just
/// before `exit` is work nobody waits for usefully; the kernel reclaims the pages at once.
enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    @Sendable static func keep(_ value: Any) {
        lock.lock()
        defer { lock.unlock() }
        kept.append(value)
    }

    static var keptCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }
}
