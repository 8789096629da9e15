import Benchmark
import BenchmarkSupport
import ConfDashCore
import ConfDashScreen
import ConfDashUI
import Foundation

// Issue 11's budgets, on the real 38C3 (1,007 sessions) at 120x40:
//   star toggle → frame ≤ 2 ms CPU p99      -> Key/s (star toggle) … 38C3 (in memory) and
//                                              Personal/s (star toggle) + save … (with the state file)
//   My agenda with 300 stars → frame ≤ 5 ms -> Personal/m (My agenda) with 300 stars
//   a save of 1,000 stars ≤ 5 ms            -> Personal/save 1000 stars
//   opening with a state file adds ≤ 2 ms   -> Personal/open: state file with 300 stars (load + match + attach)
func personalBenchmarks() {
    let size = Size(width: 120, height: 40)

    // My agenda: each sample shows a different set of 300 stars, so the agenda (overlaps, gaps)
    // is computed for the frame rather than found in the cache.
    let mine = DashboardBox()
    let sets = BenchmarkBox<(Set<SessionAddress>, Set<SessionAddress>)>()
    Benchmark("Personal/m (My agenda) with 300 stars \(size) 38C3",
              configuration: .init(warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 500, setup: {
                  sets.value = PersonalFixtures.alternatingStarSets(300, in: Fixtures.real38C3Dataset)
                  mine.value = DashboardStore(index: Fixtures.real38C3, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
              }, teardown: { mine.value = nil })) { benchmark in
        let dashboard = mine.value!
        for iteration in benchmark.scaledIterations {
            let stars = iteration % 2 == 0 ? sets.value.0 : sets.value.1
            dashboard.send(.personal(starred: stars, notes: [:]))
            measureKeystroke(benchmark, dashboard, .character("m"))
            _ = dashboard.handle(.escape)
            if dashboard.state.overlay != nil { benchmark.error("Escape did not close My agenda") }
        }
    }

    // The star key as the dashboard runs it: reducer, frame, and the save effect (merge with the
    // file under its lock, write, fsync, rename) on a state file already holding 300 stars.
    starToggleBenchmark("Personal/s (star toggle) + save to a state file of 300 stars \(size) 38C3", size: size, label: "toggle")

    // The star key as the terminal dashboard runs it: the save handed to a StateWriter thread
    // (this thread's CPU only; the writer's work is the save benchmark's).
    starToggleBenchmark("Personal/s (star toggle), save on the writer thread, state file of 300 stars \(size) 38C3", size: size,
                        label: "toggle-bg", writer: StateWriter())

    // A save of 1,000 stars: merge with the file on disk (1,000 stars too), write, fsync, rename.
    let saving = BenchmarkBox<(PersonalStateStore, PersonalState)>()
    Benchmark("Personal/save 1000 stars (state file of 1000 stars, merge, atomic write, fsync)",
              configuration: .init(warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 300, setup: {
                  let store = PersonalFixtures.store(holding: 1_000, of: GeneratedSchedules.dataset(.k10), label: "save")
                  saving.value = (store, PersonalFixtures.state(starring: 1_000, of: GeneratedSchedules.dataset(.k10), schedule: "benchmark"))
              }, teardown: { try? FileManager.default.removeItem(atPath: saving.value.0.directory) })) { benchmark in
        let (store, state) = saving.value
        recordingCPU(benchmark) {
            do { blackHole(try store.save(state)) } catch { benchmark.error("save failed: \(error)") }
        }
    }

    // What a state file adds to opening: read and parse it, match its 300 marks to the schedule's
    // sessions, and hand the stars to the dashboard (the frame after it is Key/… as usual).
    let opening = BenchmarkBox<PersonalStateStore>()
    let plain = DashboardBox()
    Benchmark("Personal/open: state file with 300 stars (load + match + attach) 38C3",
              configuration: .init(warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 500, setup: {
                  opening.value = PersonalFixtures.store(holding: 300, of: Fixtures.real38C3Dataset, label: "open")
                  plain.value = DashboardStore(index: Fixtures.real38C3, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
              }, teardown: {
                  try? FileManager.default.removeItem(atPath: opening.value.directory)
                  plain.value = nil
              })) { benchmark in
        recordingCPU(benchmark) {
            plain.value.attach(PersonalFile(store: opening.value, dataset: Fixtures.real38C3Dataset))
        }
        if plain.value.state.personal.starred.count != 300 { benchmark.error("\(plain.value.state.personal.starred.count) stars attached, not 300") }
    }
}

/// Holds a value a benchmark builds in its setup.
final class BenchmarkBox<Value>: @unchecked Sendable {
    var value: Value!
}

/// `s` + frame on 38C3 with a state file of 300 stars (`PersonalFixtures.starringDashboard`).
/// With a `writer`, the save goes to its thread and is waited for after each sample, outside the
/// measurement, so each sample hands over one save. Each sample must change a star and save it
/// without a complaint.
private func starToggleBenchmark(_ name: String, size: Size, label: String, writer: StateWriter? = nil) {
    let box = DashboardBox()
    Benchmark(name, configuration: .init(warmupIterations: 3, maxDuration: .seconds(2), maxIterations: 300, setup: {
        box.value = PersonalFixtures.starringDashboard(on: Fixtures.real38C3, size: size, label: label, writer: writer)
    }, teardown: {
        writer?.flush()
        PersonalFixtures.removeStateFolder(of: box.value)
        box.value = nil
    })) { benchmark in
        let dashboard = box.value!
        let before = dashboard.state.personal.starred
        measureKeystroke(benchmark, dashboard, .character("s"))
        if let writer {
            writer.flush()
            _ = dashboard.deliverBackgroundResults()
        }
        if dashboard.state.personal.starred == before { benchmark.error("s changed no star") }
        if case .personal(.stateFile(let message))? = dashboard.state.message { benchmark.error("save failed: \(message)") }
    }
}
