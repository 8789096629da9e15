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

/// The sanitizers' settings for a program that crashes on purpose, to test confdash's own crash
/// handler (the terminal restored, the report shown): the sanitizers' signal handlers are turned
/// off, so the program's own handler answers, as it does in a normal build. Without this,
/// AddressSanitizer takes SIGSEGV first, prints its report and exits 1. `replace_intrin=0`: the
/// Swift runtime's backtracer (which prints "Program crashed") copies the crashed stack with
/// `memcpy`, redzones included, and AddressSanitizer would report that copy as a
/// stack-buffer-underflow in the runtime's CrashHandlerLinux.cpp, not in confdash. An
/// uninstrumented program ignores these variables.
public func sanitizerEnvironmentLeavingCrashesToTheProgram() -> [String: String] {
    let handledByTheProgram = "handle_segv=0:handle_sigbus=0:handle_sigill=0:handle_sigfpe=0:handle_abort=0"
    var environment = sanitizerEnvironment()
    environment["ASAN_OPTIONS"] = [environment["ASAN_OPTIONS"], handledByTheProgram, "replace_intrin=0"].compactMap { $0 }.joined(separator: ":")
    environment["TSAN_OPTIONS"] = [environment["TSAN_OPTIONS"], handledByTheProgram].compactMap { $0 }.joined(separator: ":")
    return environment
}

/// Whether this test process is built with ThreadSanitizer (`swift test --sanitize=thread`), found
/// by its runtime's entry point.
public let runningUnderThreadSanitizer: Bool = dlsym(nil, "__tsan_init") != nil
