import ConfDashCore
import Foundation

/// The generated schedules of issue 13 (scripts/generate-schedule.py, seed 13): 1k, 10k and 100k
/// sessions (100k: 20 days x 200 rooms, ~62 MB of schedule.xml), each as schedule.xml,
/// schedule.json and iCalendar. Read from CONFDASH_BENCH_DATA, else the repository's
/// .build/bench-data (where scripts/bench-compare.sh puts them); missing files are generated
/// there first (python3, a few seconds for 100k).
public enum GeneratedSchedules {
    public enum Size: String, CaseIterable, Sendable {
        case k1 = "1k", k10 = "10k", k100 = "100k"
        public var sessions: Int { self == .k1 ? 1_000 : self == .k10 ? 10_000 : 100_000 }
    }

    public enum Format: String, CaseIterable, Sendable { case xml, json, ics }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static let directory: URL = {
        if let path = ProcessInfo.processInfo.environment["CONFDASH_BENCH_DATA"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repository.appendingPathComponent(".build/bench-data")
    }()

    public static func url(_ size: Size, _ format: Format) -> URL {
        let url = directory.appendingPathComponent("schedule-\(size.rawValue).\(format.rawValue)")
        if !FileManager.default.fileExists(atPath: url.path) { generate(size) }
        return url
    }

    private static func generate(_ size: Size) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("scripts/generate-schedule.py").path,
                             "--sessions", String(size.sessions), "--out", directory.path]
        do { try process.run() } catch { fatalError("cannot run scripts/generate-schedule.py: \(error)") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { fatalError("scripts/generate-schedule.py failed for \(size.rawValue)") }
    }

    /// The schedule.xml of `size`, imported as `--data` does; once per process.
    public static func dataset(_ size: Size) -> Dataset {
        switch size {
        case .k1: return k1Dataset
        case .k10: return k10Dataset
        case .k100: return k100Dataset
        }
    }

    public static func index(_ size: Size) -> DatasetIndex {
        switch size {
        case .k1: return k1Index
        case .k10: return k10Index
        case .k100: return k100Index
        }
    }

    static let k1Dataset = Fixtures.open(url(.k1, .xml))
    static let k10Dataset = Fixtures.open(url(.k10, .xml))
    static let k100Dataset = Fixtures.open(url(.k100, .xml))
    static let k1Index = DatasetIndex(k1Dataset)
    static let k10Index = DatasetIndex(k10Dataset)
    static let k100Index = DatasetIndex(k100Dataset)
}
