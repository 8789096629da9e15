import Foundation
import Testing

/// Issue 14: an entry that stands for a topic grouped sessions covered ("breakout sessions on
/// topics such as…") is not a session, and no count a user sees adds it to the sessions.
@Suite("CLI: topics are counted apart from sessions")
struct TopicCountTests {
    @Test func validateSaysSessionsAndTopics() throws {
        let text = CLIRun.run(["validate", "--bundled"])
        #expect(text.stdout == "bundled dataset: valid: 5 events, 35 sessions and 12 breakout topics\n")
        let json = CLIRun.run(["validate", "--bundled", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["sessions"] as? Int == 35 && object["topics"] as? Int == 12)
    }

    @Test func technologiesCountTopicsInTheirOwnColumn() throws {
        let json = CLIRun.run(["technologies", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require(object["technologies"] as? [[String: Any]])
        let federated = try #require(items.first { $0["id"] as? String == "federated-learning" })
        #expect(federated["sessions"] as? Int == 0 && federated["topics"] as? Int == 1, "Hanoi's breakout topic only")
        let text = CLIRun.run(["technologies"], width: 120).stdout
        #expect(text.contains("Topics") && text.contains("Topics: entries that name a topic grouped sessions covered"))
        // Below 80 columns the topics keep their column and the trend gives way.
        let narrow = CLIRun.run(["technologies"], width: 60).stdout
        #expect(narrow.contains("Topics") && !narrow.contains("Trend"))
    }

    @Test func aScheduleWithoutTopicsHasNoTopicsColumn() throws {
        let timed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/timed-dataset.json").path
        let text = CLIRun.run(["tracks", "--data", timed], width: 120)
        #expect(text.status == 0)
        #expect(!text.stdout.contains("Topics") && text.stdout.contains("Trend"))
    }
}

/// Issue 14: the agenda flags a row whose day is our inference, and the note under the table
/// (its legend) begins with the same mark.
@Suite("CLI: inferred days are marked on their rows")
struct InferredDayMarkTests {
    @Test func theClosingPanelIsMarkedAndExplained() {
        let run = CLIRun.run(["agenda", "--event", "wco-tech-conf-2024", "--day", "3"], width: 100)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let marked = lines.filter { $0.contains(" †") && !$0.contains("† Day inferred") }
        #expect(marked.count == 1 && marked[0].contains("collaboration †"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  † Day inferred for “The future of customs") })
        #expect(!lines.contains { $0.contains("Artificial Intelligence (AI) Day") && $0.contains("†") })
        let french = CLIRun.run(["agenda", "--event", "wco-tech-conf-2024", "--day", "3", "--lang", "fr"]).stdout
        #expect(french.contains("  † Jour déduit pour « L'avenir de la douane"))
    }
}
