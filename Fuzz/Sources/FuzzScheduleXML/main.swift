@_spi(Fuzzing) import ConfDashCore
import FuzzSupport
import Foundation

/// libFuzzer entry point: one input, read as the .xml reader reads a file. A trap, a sanitizer
/// report or a hang is a finding; problems in the result are the expected answer to bad input.
///
/// The same input is then read in two parts at once (`XMLSplitScan`, which only large files use),
/// split at a `<day` near the middle and near a quarter: the result must be the sequential one,
/// problem for problem and session for session, or that is a finding too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let sequential = FuzzReader.loadAndCheck(start, count, format: .xml), let start else { return 0 }
    let data = Data(bytes: start, count: count)
    for share in [0.5, 0.25] {
        let split = DatasetImporter.load(data: data, name: "fuzz", format: .xml, splittingXMLAt: share)
        precondition(split.problems == sequential.problems,
                     "split at \(share): problems differ: \(split.problems) against \(sequential.problems)")
        precondition(split.dataset == sequential.dataset, "split at \(share): the datasets differ")
    }
    return 0
}

// SwiftPM links `main` to this file's top-level code; it hands the process to libFuzzer's driver
// (libFuzzer's own `main` is then not linked in).
exit(FuzzDriver.run(Swift.CommandLine.argc, Swift.CommandLine.unsafeArgv, fuzz))
