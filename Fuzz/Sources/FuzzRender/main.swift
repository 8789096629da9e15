import ConfDashCore
import ConfDashScreen
import ConfDashUI
import Foundation
import FuzzSupport

/// libFuzzer entry point: whatever the importer accepts (any format, guessed as `--data` guesses),
/// indexed, exported in every format and drawn by the dashboard.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let dataset = FuzzReader.loadAndCheck(start, count, format: .auto)?.dataset else { return 0 }
    let index = DatasetIndex(dataset)
    let request = ExportRequest(index: index, language: .en, generatorVersion: "fuzz")
    for format in ExportFormat.allCases {
        let exported = Exporter.export(request, as: format)
        if format == .md || format == .json {
            precondition(!exported.text.unicodeScalars.contains(where: TerminalText.isUnsafe), "a control character in the \(format) export")
        }
    }
    let dashboard = DashboardStore(index: index, size: Size(width: 80, height: 24), language: .en, theme: .dark,
                              localZone: TimeZone(identifier: "Pacific/Kiritimati")!)
    check(dashboard.render())
    // Keys that reach the views where data is drawn: agenda and details, room grid, local time,
    // timeline at every zoom, regions, help (few: a frame costs milliseconds under the sanitizer).
    for key in Key.parseSequence("Enter Escape r Enter Escape T 2 z z Right 3 ?") {
        guard dashboard.handle(key) else { break }
        check(dashboard.render())
    }
    return 0
}

/// No cell of the screen holds a character a terminal would act on.
func check(_ grid: CellGrid) {
    for cell in grid.cells {
        precondition(!cell.grapheme.unicodeScalars.contains { TerminalText.isUnsafe($0) || $0 == "\n" || $0 == "\t" },
                     "a control character on screen: \(cell.grapheme.debugDescription)")
    }
}

// SwiftPM links `main` to this file's top-level code; it hands the process to libFuzzer's driver
// (libFuzzer's own `main` is then not linked in).
exit(FuzzDriver.run(Swift.CommandLine.argc, Swift.CommandLine.unsafeArgv, fuzz))
