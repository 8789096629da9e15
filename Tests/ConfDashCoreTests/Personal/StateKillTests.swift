import Foundation
import Testing
@testable import ConfDashCore
import ConfDashTestSupport

/// kill -9 during saves: 200 times (more if fewer than 100 saves were confirmed) the helper (Sources/confdash-state-writer) stars one session
/// after another, saving after each, and is killed at a random moment. After each kill the file
/// must parse and hold every star the helper reported saved before it died. Both stores of a run
/// continue from the file the previous run left, so later runs kill saves of a growing file.
@Suite struct StateKillTests {
    @Test func killDuringSaveNeverLosesASavedStarNorTearsTheFile() throws {
        let folder = temporaryStateFolder()
        let writer = builtProduct("confdash-state-writer")
        let store = PersonalStateStore(directory: folder, identity: ScheduleIdentity(name: "kill", description: "kill test"))
        var generator = SystemRandomNumberGenerator()
        var confirmed: Set<String> = []
        var next = 1
        var killedMidSave = 0
        // At least 200 kills, and more until 100 saves are confirmed: on a loaded machine (or an
        // instrumented build) the helper starts slowly and many kills land before its first save.
        var run = 0
        while run < 200 || (confirmed.count < 100 && run < 1_000) {
            defer { run += 1 }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: writer)
            process.arguments = [folder, "kill", String(next), "100000"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Between 20 and 350 ms: the helper takes 30-100 ms to start and a save with its two fsyncs 1-35 ms,
            // so from before its first save to many saves in. An instrumented (sanitizer) helper starts and
            // saves several times slower, so the window stretches with the run's timeout scale.
            let scale = testTimeoutScale
            usleep(UInt32.random(in: UInt32(20_000 * scale)...UInt32(350_000 * scale), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "run \(run): the writer ended on its own")
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let saved = output.split(separator: "\n").compactMap { line in line.hasPrefix("saved ") ? Int(line.dropFirst(6)) : nil }
            for number in saved { confirmed.insert("star-\(number)") }
            let attempted = (saved.max() ?? next - 1) + 1
            next = attempted + 1

            let data = FileManager.default.contents(atPath: store.path)
            guard let data else {
                #expect(confirmed.isEmpty, "run \(run): no file although stars were saved")
                continue
            }
            guard case .intact(let state) = PersonalStateFile.read(data) else {
                Issue.record("run \(run): the file does not parse after kill -9 (\(data.count) bytes)")
                return
            }
            let missing = confirmed.subtracting(state.starredKeys)
            #expect(missing.isEmpty, "run \(run): stars saved before the kill are missing: \(missing.sorted().prefix(5))")
            // The star being saved at the kill is either in or out, never anything else.
            if state.starredKeys.contains("star-\(attempted)") { killedMidSave += 1; confirmed.insert("star-\(attempted)") }
            #expect(state.starredKeys.subtracting(confirmed).isEmpty, "run \(run): stars that were never saved appeared")
        }
        // Temporary files of killed saves may stay (named .kill.json.confdash-*); they are never read.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.contains(".corrupt-") }, "no file was ever found damaged")
        #expect(confirmed.count >= 100, "the writer saved too little to test anything (\(confirmed.count) stars)")
        print("StateKillTests: \(confirmed.count) stars confirmed saved over \(run) kills, \(killedMidSave) kills mid-save")
    }
}
