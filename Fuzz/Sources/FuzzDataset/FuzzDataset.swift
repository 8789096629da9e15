import ConfDashCore
import FuzzSupport
import Foundation

/// libFuzzer entry point: one input, read as the .confdash reader reads a file. A trap, a sanitizer
/// report or a hang is a finding; problems in the result are the expected answer to bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let result = DatasetImporter.load(data: data, name: "fuzz", format: .confdash)
    FuzzChecks.check(result)
    return 0
}
