import Foundation

/// Multiplies every wait and every hang guard in the tests: `CONFDASH_TEST_TIMEOUT_SCALE=5` for a
/// sanitizer build, whose programs run several times slower, so a timeout is not mistaken for a
/// failure. Speed itself is measured in the benchmarks and the ratio tests, never by these limits.
public let testTimeoutScale: Double = {
    guard let text = ProcessInfo.processInfo.environment["CONFDASH_TEST_TIMEOUT_SCALE"],
          let scale = Double(text), scale >= 1, scale <= 100 else { return 1 }
    return scale
}()
