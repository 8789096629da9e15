import Foundation

/// The sanitizers' settings of this test run (`ASAN_OPTIONS`, `TSAN_OPTIONS`, …), for a child
/// process whose environment a test builds from scratch. Under `swift test --sanitize=address`
/// the child is instrumented too, and without `detect_leaks=0` LeakSanitizer fails it on exit for
/// libcurl's 50 bytes of one-time global state, which are not confdash's memory.
public func sanitizerEnvironment() -> [String: String] {
    ProcessInfo.processInfo.environment.filter { name, _ in
        ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "UBSAN_OPTIONS"].contains(name)
    }
}
