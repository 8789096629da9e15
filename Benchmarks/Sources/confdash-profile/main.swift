// A plain driver for profiling one keystroke (or the first frame) without the benchmark harness,
// so that callgrind or perf see only confdash's code:
//
//   confdash-profile DATASET WxH CASE [ITERATIONS]
//     DATASET  bundled | x10 | x100 | bigDay | c38 | real38C3
//     CASE     a key case name from KeyCase.all (prefix match, e.g. "j", "/ type 7th"), "first-frame"
//              (DashboardStore.init + render), "index" (DatasetIndex.init) or "open" (read + import the
//              38C3 schedule.xml, whatever DATASET says)
//
//   valgrind --tool=callgrind --toggle-collect='*measuredStep*' \
//       .build/release/confdash-profile x100 120x40 j 50
//
// Only `measuredStep` (key + render, or DashboardStore.init + render) is collected with that option;
// the undo keys between samples are not. Prints min / median / p95 / max wall and thread CPU time.
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
func measuredStep(indexing dataset: Dataset) -> DatasetIndex {
    DatasetIndex(dataset)
}

@inline(never)
func measuredStep(firstFrame index: DatasetIndex, size: Size) -> CellGrid {
    DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark).render()
}

let arguments = Swift.CommandLine.arguments
guard arguments.count >= 4, let name = DatasetName(rawValue: arguments[1]), let size = Size(parsing: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: confdash-profile bundled|x10|x100|bigDay|c38|real38C3 WxH CASE|first-frame|index [ITERATIONS]\n".utf8))
    exit(64)
}
let caseName = arguments[3]
let iterations = arguments.count > 4 ? Int(arguments[4]) ?? 100 : 100
let index = caseName == "open" ? Fixtures.bundled : Fixtures.index(name)
_ = Fixtures.worldMap

var wall: [Int] = [], cpu: [Int] = []
var sink = 0
if caseName == "open" {
    for _ in 0..<iterations {
        let w = nowNanoseconds(CLOCK_MONOTONIC), c = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
        sink &+= measuredStep(opening: Fixtures.real38C3URL).events.count
        cpu.append(nowNanoseconds(CLOCK_THREAD_CPUTIME_ID) - c); wall.append(nowNanoseconds(CLOCK_MONOTONIC) - w)
    }
} else if caseName == "index" {
    let dataset = index.dataset
    for _ in 0..<iterations {
        let w = nowNanoseconds(CLOCK_MONOTONIC), c = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
        sink &+= measuredStep(indexing: dataset).eventsByDate.count
        cpu.append(nowNanoseconds(CLOCK_THREAD_CPUTIME_ID) - c); wall.append(nowNanoseconds(CLOCK_MONOTONIC) - w)
    }
} else if caseName == "first-frame" {
    for _ in 0..<iterations {
        let w = nowNanoseconds(CLOCK_MONOTONIC), c = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
        sink &+= measuredStep(firstFrame: index, size: size).cells.count
        cpu.append(nowNanoseconds(CLOCK_THREAD_CPUTIME_ID) - c); wall.append(nowNanoseconds(CLOCK_MONOTONIC) - w)
    }
} else {
    guard let keyCase = KeyCase.all.first(where: { $0.name.hasPrefix(caseName) }) else {
        FileHandle.standardError.write(Data("no key case starting with \"\(caseName)\"; cases: \(KeyCase.all.map(\.name))\n".utf8))
        exit(64)
    }
    let dashboard = DashboardStore(index: index, map: Fixtures.worldMap, size: size, language: .en, theme: .dark)
    dashboard.press(keyCase.prefix)
    sink &+= dashboard.render().cells.count
    let undo = Key.parseSequence(keyCase.undo)
    for _ in 0..<iterations {
        let w = nowNanoseconds(CLOCK_MONOTONIC), c = nowNanoseconds(CLOCK_THREAD_CPUTIME_ID)
        sink &+= measuredStep(dashboard, keyCase.key).cells.count
        cpu.append(nowNanoseconds(CLOCK_THREAD_CPUTIME_ID) - c); wall.append(nowNanoseconds(CLOCK_MONOTONIC) - w)
        for key in undo { _ = dashboard.handle(key) }
        sink &+= dashboard.render().cells.count
    }
}

func summary(_ values: [Int]) -> String {
    let sorted = values.sorted().map { Double($0) / 1_000_000 }
    func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))] }
    return String(format: "min %.3f  median %.3f  p95 %.3f  max %.3f ms", sorted[0], at(0.5), at(0.95), sorted[sorted.count - 1])
}
print("\(name.label) \(size) \(caseName), \(iterations) samples (sink \(sink % 10))")
print("  wall       \(summary(wall))")
print("  thread CPU \(summary(cpu))")
