import Foundation

/// How much of one key's time a search may spend scanning. A key scans a search only until the
/// rows the screen shows are found, but a search that matches little or nothing (the second
/// letter of "custom" on a 100,000-session schedule) found them only at the end of the whole
/// schedule: a third of a second for one letter. So each key also stops scanning once it has
/// used `budget` of its thread's CPU time; the idle ticks between keys scan the rest
/// (`DashboardData.continueSearch`), as they do for the rows a screen does not show.
///
/// Thread CPU time, not the wall clock: a machine busy with other work must not make a key
/// show fewer rows than it would have found.
enum KeyScanDeadline {
    /// A key's share of the 16 ms frame budget for scanning; the frame's other work has the rest.
    static let budget: UInt64 = 5_000_000

    /// This thread's CPU time in nanoseconds.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Whether `deadline` (a `now()` value; nil: none) has passed.
    static func passed(_ deadline: UInt64?) -> Bool {
        guard let deadline else { return false }
        return now() >= deadline
    }
}
