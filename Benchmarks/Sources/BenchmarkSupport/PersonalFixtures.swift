import ConfDashCore
import ConfDashUI
import Foundation

/// Inputs for issue 11's budgets (stars, My agenda, the state file), on the real 38C3:
/// star toggle → frame ≤ 2 ms, My agenda with 300 stars → frame ≤ 5 ms, a save of 1,000 stars
/// ≤ 5 ms, opening with a state file adds ≤ 2 ms.
public enum PersonalFixtures {
    /// The first `count` timed sessions of `dataset` in schedule order: many of them overlap
    /// (38C3 runs up to 24 rooms at once), so My agenda has overlaps and gaps to compute.
    public static func addresses(_ count: Int, in dataset: Dataset) -> [SessionAddress] {
        var result: [SessionAddress] = []
        for event in dataset.events {
            for session in event.sessions where session.start != nil {
                guard result.count < count else { return result }
                result.append(SessionAddress(event: event.id, session: session.id))
            }
        }
        return result
    }

    /// Two different sets of `count` stars (every other session), so that alternating them makes
    /// each My agenda frame a fresh computation rather than a cached one.
    public static func alternatingStarSets(_ count: Int, in dataset: Dataset) -> (Set<SessionAddress>, Set<SessionAddress>) {
        let all = addresses(count * 2, in: dataset)
        let even = all.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let odd = all.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return (Set(even), Set(odd))
    }

    /// A state holding `count` starred sessions of `dataset` (with a note on every tenth).
    public static func state(starring count: Int, of dataset: Dataset, schedule: String) -> PersonalState {
        var state = PersonalState(schedule: schedule)
        var stamp: Int64 = 1_700_000_000
        for event in dataset.events {
            for session in event.sessions {
                guard state.starredCount < count else { return state }
                let ref = SessionRef(session: session, event: event)
                state.setStar(ref, true, at: stamp)
                if state.starredCount % 10 == 0 { state.setNote(ref, "note \(state.starredCount)", at: stamp) }
                stamp += 1
            }
        }
        return state
    }

    /// A fresh folder under the system's temporary folder, for state files.
    public static func temporaryFolder(_ label: String) -> String {
        let path = NSTemporaryDirectory() + "confdash-bench-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A store for `dataset` in a fresh folder, already holding `count` stars on disk.
    public static func store(holding count: Int, of dataset: Dataset, label: String) -> PersonalStateStore {
        let store = PersonalStateStore(directory: temporaryFolder(label), identity: ScheduleIdentity(name: "bench-\(label)", description: "benchmark"))
        do { _ = try store.save(state(starring: count, of: dataset, schedule: "benchmark")) } catch {
            fatalError("cannot write a state file in \(store.directory): \(error)")
        }
        return store
    }

    /// Where the star toggle's samples start: a dashboard on `index` with a state file of 300
    /// stars attached (saved on `writer`'s thread when one is given, else inline), the cursor on
    /// the fourth session and a frame already drawn, as before any key. The benchmark and
    /// confdash-profile measure `s` from here, so their figures are of the same thing.
    public static func starringDashboard(on index: DatasetIndex, size: Size, label: String, writer: StateWriter? = nil) -> DashboardStore {
        let store = store(holding: 300, of: index.dataset, label: label)
        let dashboard = DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
        dashboard.attach(PersonalFile(store: store, dataset: index.dataset, writer: writer))
        dashboard.press("j j j")
        _ = dashboard.render()
        return dashboard
    }

    /// Removes the folder of the state file `dashboard` saves to (what `starringDashboard` made).
    public static func removeStateFolder(of dashboard: DashboardStore?) {
        if let directory = dashboard?.personal?.store.directory { try? FileManager.default.removeItem(atPath: directory) }
    }
}
