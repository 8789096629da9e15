import ConfDashCore
import Foundation
import Testing
@testable import ConfDashUI

/// The `:` commands are one table: each entry parses, completes and is listed by itself.
@Suite struct CommandTableTests {
    @Test func everyEntryParsesToItsOwnCommandAndOnlyQuitQuits() {
        for entry in CommandTable.entries {
            let sample = entry.argument == nil ? "" : ["N": "2", "N|DATE": "2024-12-28", "HH:MM": "16:00", "en|fr": "fr", "event|local": "local", "[--input-format F] FILE": "file.xml", "FORMAT FILE": "csv out.csv"][entry.argument!] ?? "x"
            for name in entry.names {
                guard case .command(let command) = CommandTable.parse("\(name) \(sample)") else {
                    Issue.record(":\(name) \(sample) does not parse"); continue
                }
                #expect((command == .quit) == entry.names.contains("q"), ":\(name) gives \(command)")
            }
        }
        #expect(CommandTable.parse("frobnicate") == .error(.unknownCommand("frobnicate")))
        #expect(CommandTable.parse("open --input-format ics my file.ics") == .command(.open("my file.ics", format: .ics)))
        #expect(CommandTable.parse("open --input-format=xml s.xml") == .command(.open("s.xml", format: .xml)))
        #expect(CommandTable.parse("open --input-format yaml s.xml") == .error(.usage(":open [--input-format F] FILE|URL")))
    }

    @Test func helpAndTheColonKeyListEveryEntry() {
        let help = HelpOverlay.lines(Fixture.initial()).map(\.text).joined(separator: "\n")
        let colon = KeyMap.standard.bindings.first { $0.action == .command(.startCommandLine) }!.help.text(in: .en)
        for entry in CommandTable.entries {
            #expect(help.contains(":" + entry.names[0]), "help lacks :\(entry.names[0])")
            #expect(colon.contains(":" + entry.names[0]), "the : key's help lacks :\(entry.names[0])")
        }
    }

    @Test func openCompletesFromTheInjectedListingWithoutTheDisk() {
        let listing: [String: [DirectoryEntry]] = [
            ".": [DirectoryEntry(name: "schedules", isDirectory: true), DirectoryEntry(name: "schedule.xml", isDirectory: false),
                  DirectoryEntry(name: ".hidden", isDirectory: false)],
            "schedules": [DirectoryEntry(name: "38c3.xml", isDirectory: false)],
        ]
        let reducer = Reducer(data: Fixture.data, environment: DashboardEnvironment { directory in
            listing[directory.hasSuffix("/") ? String(directory.dropLast()) : directory]
        })
        var state = Fixture.initial()
        for key in Key.parseSequence(": open Space sch Tab") {
            if let action = Dispatcher.action(for: key, in: state) { reducer.reduce(&state, action) }
        }
        guard case .command(let input) = state.mode else { Issue.record("not on the command line"); return }
        #expect(input.completions == ["open schedule.xml", "open schedules/"])
        #expect(input.text == "open schedule")
        for key in Key.parseSequence("s / Tab") {
            if let action = Dispatcher.action(for: key, in: state) { reducer.reduce(&state, action) }
        }
        guard case .command(let next) = state.mode else { Issue.record("not on the command line"); return }
        #expect(next.text == "open schedules/38c3.xml")
    }

    @Test func theRoomGridHintAppearsOnlyWhereTheEventHasClockTimes() {
        let binding = KeyMap.standard.bindings.first { $0.action == .command(.toggleRoomGrid) && $0.context == .pane(.agenda) }!
        let state = Fixture.initial()
        #expect(!binding.isEnabled(state, Fixture.data), "the bundled events state no clock times")
    }
}
