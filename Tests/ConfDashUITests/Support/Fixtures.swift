import ConfDashBundledData
import ConfDashCore
import Foundation
import Testing
@testable import ConfDashUI

/// The bundled dataset as the dashboard sees it, built once.
enum Fixture {
    static let index: DatasetIndex = {
        let result = DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName)
        return DatasetIndex(result.dataset!)
    }()
    static let map = try! WorldMap(parsing: BundledData.worldMapText)
    static let data = DashboardData(index: index, map: map)
    static let reducer = Reducer(data: data)

    static func initial(_ size: Size = Size(width: 80, height: 24), language: Language = .en) -> AppState {
        reducer.initialState(size: size, language: language)
    }

    /// The state after pressing `keys` (tmux names) from the initial state, and the effects of the last key.
    static func press(_ keys: String, size: Size = Size(width: 80, height: 24), language: Language = .en,
                      from start: AppState? = nil) -> (state: AppState, effects: [Effect]) {
        var state = start ?? initial(size, language: language)
        var effects: [Effect] = []
        for key in Key.parseSequence(keys) {
            guard let action = Dispatcher.action(for: key, in: state) else { continue }
            effects = reducer.reduce(&state, action)
        }
        return (state, effects)
    }

    static func screen(_ keys: String, size: Size, language: Language = .en) -> String {
        let dashboard = DashboardStore(index: index, map: map, size: size, language: language, theme: .dark)
        for key in Key.parseSequence(keys) { guard dashboard.handle(key) else { break } }
        return dashboard.render().textLines().joined(separator: "\n") + "\n"
    }
}

/// Golden screens live in __Screens__/ beside the tests. `CONFDASH_RECORD_GOLDENS=1` writes them
/// anew; read each changed file before committing it.
enum ScreenGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("__Screens__")
    static var recording: Bool { ProcessInfo.processInfo.environment["CONFDASH_RECORD_GOLDENS"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden screen \(name): run with CONFDASH_RECORD_GOLDENS=1 and review it", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("""
                screen differs from \(name) at line \(line + 1):
                  expected: \(line < e.count ? String(e[line]) : "<end>")
                  actual:   \(line < a.count ? String(a[line]) : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}
