import Foundation
import Testing

/// The main commands in each format, compared with reviewed golden files.
@Suite("CLI golden outputs")
struct GoldenOutputTests {
    @Test("golden output", arguments: [
        (["events"], "events.txt"),
        (["events", "--lang", "fr"], "events.fr.txt"),
        (["events", "--format", "json"], "events.json"),
        (["events", "--format", "csv"], "events.csv"),
        (["agenda", "--event", "rio", "--day", "2"], "agenda-rio-day2.txt"),
        (["agenda", "--event", "rio", "--day", "2", "--lang", "fr"], "agenda-rio-day2.fr.txt"),
        (["agenda", "--event", "hanoi"], "agenda-hanoi.txt"),
        (["agenda", "--event", "jakarta", "--lang", "fr"], "agenda-jakarta.fr.txt"),
        (["agenda", "--track", "detection", "--format", "json"], "agenda-detection.json"),
        (["agenda", "--format", "csv"], "agenda-all.csv"),
        (["agenda", "--search", "securite"], "agenda-search-securite.txt"),
        (["agenda", "--event", "lima", "--day", "1"], "agenda-lima-day1.txt"),
        (["events", "--region", "asia pacific", "--lang", "fr"], "events-asia-pacific.fr.txt"),
        (["tracks"], "tracks.txt"),
        (["tracks", "--format", "json"], "tracks.json"),
        (["technologies"], "technologies.txt"),
        (["technologies", "--lang", "fr", "--format", "csv"], "technologies.fr.csv"),
        (["regions"], "regions.txt"),
        (["regions", "--format", "json"], "regions.json"),
        (["events", "--long"], "events-long.txt"),
        (["events", "--long", "--lang", "fr", "--search", "portail"], "events-long-search-portail.fr.txt"),
        (["agenda", "--search", "webb fontaine"], "agenda-search-webb-fontaine.txt"),
        (["agenda", "--search", "webb fontaine", "--format", "json"], "agenda-search-webb-fontaine.json"),
    ])
    func golden(arguments: [String], file: String) throws {
        let run = CLIRun.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(run.stderr.isEmpty)
        try Golden.check(run.stdout, named: file)
    }

    @Test("text output fits the terminal width when there is one")
    func fitsWidth() {
        for width in [60, 80, 120] {
            for arguments in [["events"], ["agenda"], ["technologies"], ["regions"], ["tracks"]] {
                let run = CLIRun.run(arguments, width: width)
                let widest = run.stdout.split(separator: "\n").map { String($0).terminalWidthForTests }.max() ?? 0
                #expect(widest <= width, "\(arguments) at \(width) columns: a line is \(widest) wide")
            }
        }
    }

    @Test("--lang defaults from LC_ALL / LANG")
    func languageFromEnvironment() {
        #expect(CLIRun.run(["tracks"], environment: ["LANG": "fr_FR.UTF-8"]).stdout.contains("Détection et gestion des risques"))
        #expect(CLIRun.run(["tracks"], environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "en_GB.UTF-8"]).stdout.contains("Detection and risk management"))
        #expect(CLIRun.run(["tracks"], environment: [:]).stdout.contains("Detection and risk management"))
    }

    @Test("JSON output parses and carries ids and sources")
    func jsonParses() throws {
        let run = CLIRun.run(["agenda", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.count == object["count"] as? Int)
        #expect(sessions.allSatisfy { ($0["sources"] as? [String])?.isEmpty == false })
        // No clock time or room is invented: every session states them as null.
        #expect(run.stdout.components(separatedBy: "\"start\" : null").count - 1 == sessions.count)
        #expect(run.stdout.components(separatedBy: "\"room\" : null").count - 1 == sessions.count)
    }
}

import ConfDashCore
extension String {
    var terminalWidthForTests: Int { terminalWidth }
}
