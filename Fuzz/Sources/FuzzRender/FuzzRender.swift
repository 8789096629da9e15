import ConfDashCore
import ConfDashUI
import Foundation
import FuzzSupport

/// The keys that reach every pane and view: agenda (details, room grid, days), timeline (every
/// zoom), the other panes, the local-time switch, help. Each frame is drawn and checked.
let keys = Key.parseSequence("Enter Escape r Right Down Enter Escape r T 2 z z Z Z Z Right End 3 Down 4 Down 1 L G ?")

/// libFuzzer entry point: whatever the importer accepts (any format, guessed as `--data` guesses),
/// indexed, exported in every format and drawn by the dashboard.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let result = DatasetImporter.load(data: Data(bytes: start, count: count), name: "fuzz")
    FuzzChecks.check(result)
    guard let dataset = result.dataset else { return 0 }
    let index = DatasetIndex(dataset)
    let request = ExportRequest(index: index, language: .en, generatorVersion: "fuzz")
    for format in ExportFormat.allCases {
        let exported = Exporter.export(request, as: format)
        if format == .md || format == .json {
            precondition(!exported.text.unicodeScalars.contains(where: TerminalText.isUnsafe), "a control character in the \(format) export")
        }
    }
    let dashboard = Dashboard(index: index, size: Size(width: 100, height: 30), language: .en, theme: .dark,
                              localZone: TimeZone(identifier: "Pacific/Kiritimati")!)
    check(dashboard.render())
    for key in keys {
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
