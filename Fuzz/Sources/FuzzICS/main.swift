import ConfDashCore
import FuzzSupport
import Foundation

/// libFuzzer entry point: one input, read as the .ics reader reads a file. A trap, a sanitizer
/// report or a hang is a finding; problems in the result are the expected answer to bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzReader.loadAndCheck(start, count, format: .ics)
    return 0
}

// SwiftPM links `main` to this file's top-level code; it hands the process to libFuzzer's driver
// (libFuzzer's own `main` is then not linked in).
exit(FuzzDriver.run(Swift.CommandLine.argc, Swift.CommandLine.unsafeArgv, fuzz))
