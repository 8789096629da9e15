// A plain driver for profiling one keystroke (or the first frame) without the benchmark harness,
// so that callgrind or perf see only confdash's code:
//
//   confdash-profile DATASET WxH CASE [ITERATIONS]
//     (CASE also: open-file:PATH, the peak memory of opening a file; mine300, star-save, star-save-bg, save1000, open-state: issue 11's budgets;
//      save1000's parts: encode1000 (the bytes only), write1000 (the atomic write of those bytes:
//      temp file, write, fsync, rename, folder fsync; its wall time is the disk's);
//      open-nostate (the same attach with no state file: the baseline open-state adds to);
//      open-dash-state, open-dash-nostate (dashboard + attach + first frame, with and without);
//      type:LETTERS, type-cold:LETTERS: typing a search on a new dashboard, issue 13;
//      keys: every key case that applies, a table of thread CPU and wall median / p99;
//      scan:QUERY: a search scanned whole, every match, on new data each sample)
//     DATASET  bundled | x10 | x100 | bigDay | c38 | real38C3
//     CASE     a key case name from KeyCase.all (prefix match, e.g. "j", "/ type 7th"), "first-frame"
//              (DashboardStore.init + render), "index" (DatasetIndex.init) or "open" (read + import the
//              38C3 schedule.xml, whatever DATASET says) or "changes" (ScheduleChanges between the real
//              38C3 and an edited version of it)
//
//   valgrind --tool=callgrind --toggle-collect='*measuredStep*' \
//       .build/release/confdash-profile x100 120x40 j 50
//
// Only `measuredStep` (key + render, or DashboardStore.init + render) is collected with that option;
// the undo keys between samples are not. Prints min / median / p95 / p99 / max wall and thread CPU
// time (p99 is the sample at rank 0.99·(n−1), rounded: run 200 or more samples to make it mean something).
import BenchmarkSupport
import ConfDashCore
import ConfDashUI
import Foundation

func nowNanoseconds(_ clock: clockid_t) -> Int {
    var time = timespec()
    clock_gettime(clock, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
}

@inline(never)
func measuredStep(_ dashboard: DashboardStore, _ key: Key) -> CellGrid {
    _ = dashboard.handle(key)
    return dashboard.render()
}

@inline(never)
func measuredStep(opening url: URL) -> Dataset {
    Fixtures.open(url)
}

@inline(never)
func measuredStep(comparing old: Dataset, with new: Dataset) -> ScheduleChanges {
    ScheduleChanges.between(old, new)
}

@inline(never)
func measuredStep(scanning data: DashboardData, _ state: AppState) -> Int {
    data.allAgendaRows(state).sessionCount
}

@inline(never)
func measuredStep(indexing dataset: Dataset) -> DatasetIndex {
    DatasetIndex(dataset)
}

@inline(never)
func measuredStep(firstFrame index: DatasetIndex, size: Size) -> CellGrid {
    DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark).render()
}

@inline(never)
func measuredStep(saving state: PersonalState, in store: PersonalStateStore) -> Int {
    (try? store.save(state))?.state.starredCount ?? -1
}

@inline(never)
func measuredStep(encoding state: PersonalState) -> Int {
    PersonalStateFile.bytes(of: state).count
}

@inline(never)
func measuredStep(writing bytes: [UInt8], to path: String) -> Int {
    (try? AtomicFile.write(bytes, to: path, mode: 0o600)) == nil ? 0 : 1
}

@inline(never)
func measuredStep(opening store: PersonalStateStore, index: DatasetIndex, size: Size) -> CellGrid {
    let dashboard = DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
    dashboard.attach(PersonalFile(store: store, dataset: index.dataset))
    return dashboard.render()
}

@inline(never)
func measuredStep(attaching store: PersonalStateStore, to dashboard: DashboardStore, dataset: Dataset) -> Int {
    dashboard.attach(PersonalFile(store: store, dataset: dataset))
    return dashboard.state.personal.starred.count
}

let arguments = Swift.CommandLine.arguments
guard arguments.count >= 4, let name = DatasetName(rawValue: arguments[1]), let size = Size(parsing: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: confdash-profile bundled|x10|x100|bigDay|c38|real38C3 WxH CASE|first-frame|index [ITERATIONS]\n".utf8))
    exit(64)
}
let caseName = arguments[3]

// Issue 13: peak memory of opening one file (`open-file:PATH`), in this process: the largest
// resident set before and after, and the open's thread CPU time; then the index and first frame.
if caseName.hasPrefix("open-file:") {
    func peakKB() -> Int { var usage = rusage(); getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage); return usage.ru_maxrss }
    let url = URL(fileURLWithPath: String(caseName.dropFirst("open-file:".count)))
    let before = peakKB()
    let c = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
    let dataset = measuredStep(opening: url)
    let opened = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
    let afterOpen = peakKB()
    let grid = measuredStep(firstFrame: DatasetIndex(dataset), size: size)
    let framed = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
    print("\(url.lastPathComponent): \(dataset.events.reduce(0) { $0 + $1.sessions.count }) sessions (cells \(grid.cells.count % 10))")
    print(String(format: "  open %.0f ms CPU, + index and first frame %.0f ms; peak resident set %d MB before, %d MB after the open, %d MB after the frame",
                 Double(opened - c) / 1e6, Double(framed - opened) / 1e6, before / 1024, afterOpen / 1024, peakKB() / 1024))
    exit(0)
}
let iterations = arguments.count > 4 ? Int(arguments[4]) ?? 100 : 100
let index = caseName == "open" || caseName == "changes" ? Fixtures.bundled : Fixtures.index(name)
_ = Fixtures.worldMap

var wall: [Int] = [], cpu: [Int] = []
/// Per sample, this thread's minor page faults and context switches (voluntary: it waited, on a
/// lock or the kernel; involuntary: another thread took its core): where wall time that is not
/// thread CPU time went (issue 13).
var faults: [Int] = [], waits: [Int] = [], preemptions: [Int] = []
var sink = 0

func threadUsage() -> rusage {
    var usage = rusage()
    getrusage(__rusage_who_t(1), &usage)   // RUSAGE_THREAD
    return usage
}

/// One sample: runs `step` (a `measuredStep`, whose result keeps the work from being optimised
/// away) and records its wall and thread CPU time.
@MainActor
func sample(_ step: () -> Int) {
    let before = threadUsage()
    let w = nowNanoseconds(CLOCK_MONOTONIC), c = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
    sink &+= step()
    cpu.append(nowNanoseconds(CLOCK_THREAD_CPUTIME_ID) - c); wall.append(nowNanoseconds(CLOCK_MONOTONIC) - w)
    let after = threadUsage()
    faults.append(after.ru_minflt - before.ru_minflt)
    waits.append(after.ru_nvcsw - before.ru_nvcsw)
    preemptions.append(after.ru_nivcsw - before.ru_nivcsw)
}
/// `iterations` samples of one key case on a new dashboard: the case's prefix keys, then the key
/// (measured) and its undo keys (not measured) in turn.
@MainActor func sampleKeyCase(_ keyCase: KeyCase) {
    let dashboard = DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
    dashboard.press(keyCase.prefix)
    sink &+= dashboard.render().cells.count
    let undo = Key.parseSequence(keyCase.undo)
    for _ in 0..<iterations {
        sample { measuredStep(dashboard, keyCase.key).cells.count }
        for key in undo { _ = dashboard.handle(key) }
        sink &+= dashboard.render().cells.count
    }
}

/// The sample at rank q·(n−1), rounded (n ≥ 1): what every table here calls p50, p95, p99.
func quantile(_ values: [Int], _ q: Double) -> Int {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))]
}

if caseName == "open" {
    for _ in 0..<iterations {
        sample { measuredStep(opening: Fixtures.real38C3URL).events.count }
    }
} else if caseName == "changes" {
    let edited = Fixtures.real38C3Edited
    for _ in 0..<iterations {
        sample { measuredStep(comparing: Fixtures.real38C3Dataset, with: edited).changes.count }
    }
} else if caseName == "index" {
    let dataset = index.dataset
    for _ in 0..<iterations {
        sample { measuredStep(indexing: dataset).eventsByDate.count }
    }
} else if caseName == "mine300" {
    // Issue 11: My agenda with 300 stars, a different set each sample (no cache hit).
    let (a, b) = PersonalFixtures.alternatingStarSets(300, in: index.dataset)
    let dashboard = DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
    for iteration in 0..<iterations {
        dashboard.send(.personal(starred: iteration % 2 == 0 ? a : b, notes: [:]))
        sample { measuredStep(dashboard, .character("m")).cells.count }
        _ = dashboard.handle(.escape)
    }
} else if caseName == "star-save" {
    // Issue 11: s + frame with the save effect, on a state file already holding 300 stars.
    let dashboard = PersonalFixtures.starringDashboard(on: index, size: size, label: "toggle")
    for _ in 0..<iterations {
        sample { measuredStep(dashboard, .character("s")).cells.count }
    }
    PersonalFixtures.removeStateFolder(of: dashboard)
} else if caseName == "star-save-bg" {
    // Issue 11: s + frame as the terminal dashboard runs it: the save handed to a StateWriter
    // thread (this thread's CPU only; the writer's saves are save1000's cost). Waits for the
    // writer between samples, so each sample hands over one save.
    let writer = StateWriter()
    let dashboard = PersonalFixtures.starringDashboard(on: index, size: size, label: "toggle-bg", writer: writer)
    for _ in 0..<iterations {
        sample { measuredStep(dashboard, .character("s")).cells.count }
        writer.flush()
        _ = dashboard.deliverBackgroundResults()
    }
    sink &+= dashboard.finishSaving() == nil ? 0 : 1
    PersonalFixtures.removeStateFolder(of: dashboard)
} else if caseName == "save1000" {
    // Issue 11: a save of 1,000 stars onto a file of 1,000 (merge, atomic write, fsync).
    let store = PersonalFixtures.store(holding: 1_000, of: index.dataset, label: "save")
    let state = PersonalFixtures.state(starring: 1_000, of: index.dataset, schedule: "benchmark")
    for _ in 0..<iterations {
        sample { measuredStep(saving: state, in: store) }
    }
    try? FileManager.default.removeItem(atPath: store.directory)
} else if caseName == "encode1000" {
    // save1000's encoding alone: the state's bytes, as written.
    let state = PersonalFixtures.state(starring: 1_000, of: index.dataset, schedule: "benchmark")
    for _ in 0..<iterations {
        sample { measuredStep(encoding: state) }
    }
} else if caseName == "write1000" {
    // save1000's disk part alone: the atomic write of a 1,000-star file's bytes (both fsyncs).
    let folder = PersonalFixtures.temporaryFolder("write")
    let bytes = PersonalStateFile.bytes(of: PersonalFixtures.state(starring: 1_000, of: index.dataset, schedule: "benchmark"))
    for _ in 0..<iterations {
        sample { measuredStep(writing: bytes, to: folder + "/state.json") }
    }
    try? FileManager.default.removeItem(atPath: folder)
} else if caseName == "open-nostate" {
    // open-state's baseline: the same attach when the schedule has no state file yet.
    let store = PersonalStateStore(directory: PersonalFixtures.temporaryFolder("open-none"),
                                   identity: ScheduleIdentity(name: "bench-open-none", description: "benchmark"))
    let dashboard = DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
    for _ in 0..<iterations {
        sample { measuredStep(attaching: store, to: dashboard, dataset: index.dataset) }
    }
    try? FileManager.default.removeItem(atPath: store.directory)
} else if caseName == "open-dash-state" || caseName == "open-dash-nostate" {
    // Opening the dashboard whole (store, state file, first frame), with a file of 300 stars or
    // none: the difference is what the state file adds to opening.
    let store = caseName == "open-dash-state" ? PersonalFixtures.store(holding: 300, of: index.dataset, label: "open-dash")
        : PersonalStateStore(directory: PersonalFixtures.temporaryFolder("open-dash-none"),
                             identity: ScheduleIdentity(name: "bench-open-dash-none", description: "benchmark"))
    for _ in 0..<iterations {
        sample { measuredStep(opening: store, index: index, size: size).cells.count }
    }
    try? FileManager.default.removeItem(atPath: store.directory)
} else if caseName == "open-state" {
    // Issue 11: what a state file of 300 stars adds to opening (load, match, attach).
    let store = PersonalFixtures.store(holding: 300, of: index.dataset, label: "open")
    let dashboard = DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
    for _ in 0..<iterations {
        sample { measuredStep(attaching: store, to: dashboard, dataset: index.dataset) }
    }
    try? FileManager.default.removeItem(atPath: store.directory)
} else if caseName.hasPrefix("type:") || caseName.hasPrefix("type-cold:") {
    // Issue 13: typing a search from scratch, each letter a sample: a new dashboard each
    // iteration (no earlier search to reuse), `/` pressed unmeasured. "type:" finds the folded
    // search text ready (built once before); "type-cold:" gives each iteration a new index, so
    // the text is still being built on another thread while the letters come (the dashboard
    // starts that when `/` opens the line): the first search right after opening a schedule.
    let cold = caseName.hasPrefix("type-cold:")
    let letters = caseName.split(separator: ":", maxSplits: 1).last.map { Array($0).map { Key.character($0) } } ?? []
    // CONFDASH_PROFILE_PILE=1: as before round 13, the next iteration starts while the last
    // one's text is still being built: the builds of several indexes pile up on the two cores
    // (the benchmark's own load, which no dashboard has: it builds one index's text at a time).
    let pile = ProcessInfo.processInfo.environment["CONFDASH_PROFILE_PILE"] == "1"
    if !cold { index.prepareSearch() }
    var first: [Int] = []
    for _ in 0..<iterations {
        let fresh = cold ? DatasetIndex(index.dataset) : index
        let dashboard = DashboardStore(index: fresh, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
        sink &+= dashboard.render().cells.count
        _ = dashboard.handle(.character("/"))
        sink &+= dashboard.render().cells.count
        for (offset, letter) in letters.enumerated() {
            sample { measuredStep(dashboard, letter).cells.count }
            if offset == 0 { first.append(cpu.last!) }
        }
        // Unmeasured: this index's text finished (waits for the thread building it) and the
        // second core's work for the first frame done, before the next index starts its own.
        if cold && !pile {
            fresh.prepareSearch()
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
    let sorted = first.sorted()
    print(String(format: "first letter thread CPU: min %.3f  median %.3f  max %.3f ms", Double(sorted[0]) / 1e6,
                 Double(sorted[sorted.count / 2]) / 1e6, Double(sorted[sorted.count - 1]) / 1e6))
} else if caseName.hasPrefix("scan:") {
    // Issue 13: a search scanned whole (every match: what End, or the idle ticks between keys,
    // finish), on new data each sample, the folded text ready: the scan's own speed.
    index.prepareSearch()
    var state = AppState(size: size, language: .en, selectedEvent: nil)
    state.filters = [.search(String(caseName.dropFirst("scan:".count)))]
    for _ in 0..<iterations {
        let data = DashboardData(index: index)
        sample { measuredStep(scanning: data, state) }
    }
} else if caseName == "first-frame" {
    for _ in 0..<iterations {
        sample { measuredStep(firstFrame: index, size: size).cells.count }
    }
} else if caseName == "keys" {
    // Every key case that applies to the data, `iterations` samples each: one table row per key
    // with thread CPU and wall median / p99 (the budget is on the wall clock: the frame the user
    // sees), then the off-CPU time's causes (page faults, waits, preemptions).
    print("| key | CPU median / p99 ms | wall median / p99 ms | wall p99 − CPU p99 | faults / waits / preempted (p99) |")
    print("|---|---|---|---|---|")
    func ms(_ values: [Int], _ q: Double) -> Double { Double(quantile(values, q)) / 1e6 }
    for keyCase in KeyCase.all where keyCase.applies(to: name) {
        wall = []; cpu = []; faults = []; waits = []; preemptions = []
        sampleKeyCase(keyCase)
        print(String(format: "| %@ | %.3f / %.3f | %.3f / %.3f | %.3f | %d / %d / %d |", keyCase.name, ms(cpu, 0.5), ms(cpu, 0.99),
                     ms(wall, 0.5), ms(wall, 0.99), ms(wall, 0.99) - ms(cpu, 0.99), quantile(faults, 0.99), quantile(waits, 0.99), quantile(preemptions, 0.99)))
    }
    print("(\(name.label) \(size), \(iterations) samples a key; sink \(sink % 10))")
    exit(0)
} else {
    guard let keyCase = KeyCase.all.first(where: { $0.name.hasPrefix(caseName) }) else {
        FileHandle.standardError.write(Data("no key case starting with \"\(caseName)\"; cases: \(KeyCase.all.map(\.name))\n".utf8))
        exit(64)
    }
    sampleKeyCase(keyCase)
}

func summary(_ values: [Int]) -> String {
    func at(_ q: Double) -> Double { Double(quantile(values, q)) / 1_000_000 }
    return String(format: "min %.3f  median %.3f  p95 %.3f  p99 %.3f  max %.3f ms", at(0), at(0.5), at(0.95), at(0.99), at(1))
}
// CONFDASH_PROFILE_SAMPLES=1 lists every sample's thread CPU time in order (to find which
// letter of a `type:` run is the slow one).
if ProcessInfo.processInfo.environment["CONFDASH_PROFILE_SAMPLES"] == "1" {
    print("  samples (thread CPU ms, in order): " + cpu.map { String(format: "%.1f", Double($0) / 1e6) }.joined(separator: " "))
}
print("\(name.label) \(size) \(caseName), \(cpu.count) samples (sink \(sink % 10))")
print("  wall       \(summary(wall))")
print("  thread CPU \(summary(cpu))")
print("  wall − CPU \(summary(zip(wall, cpu).map { $0 - $1 }))")
func counts(_ values: [Int]) -> String {
    "median \(quantile(values, 0.5))  p95 \(quantile(values, 0.95))  p99 \(quantile(values, 0.99))  max \(values.max() ?? 0)  total \(values.reduce(0, +))"
}
print("  minor page faults         \(counts(faults))")
print("  waits (voluntary switches) \(counts(waits))")
print("  preemptions (involuntary)  \(counts(preemptions))")
