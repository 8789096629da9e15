import Foundation

/// A schedule.xml from scripts/generate-schedule.py (deterministic, seed 13), written to a new
/// temporary folder, for the tests that check a cache or a fast path against the eager result on
/// a schedule larger than the fixtures. The caller reports `noPython` and `failed` in its own
/// words (this target does not import Testing) and removes the folder when it is done.
public enum GeneratedSchedule {
    public enum Outcome {
        case file(URL)
        case noPython
        case failed
    }

    public static func xml(sessions: Int, folderName: String) -> Outcome {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(folderName)-\(getpid())")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/generate-schedule.py").path,
                             "--sessions", "\(sessions)", "--out", folder.path, "--formats", "xml"]
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return .noPython }
        process.waitUntilExit()
        let file = folder.appendingPathComponent("schedule-\(sessions / 1000)k.xml")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: file.path) else { return .failed }
        return .file(file)
    }
}
