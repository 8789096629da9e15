import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// `o` (open the link), `y` (copy through OSC 52) and `:export FORMAT FILE` (issue 10): what the
/// reducer asks for, and what the store does with it on the real 38C3 schedule.
@Suite struct ActingTests {
    let initial = Fixture.initial()

    @Test func withoutASelectedSessionOAndYSaySo() {
        var expected = initial
        expected.focus = .timeline
        expected.message = .act(.noSession)
        #expect(Fixture.press("2 o").state == expected)
        let copy = Fixture.press("2 y")
        #expect(copy.state == expected && copy.effects.isEmpty)
        #expect(expected.message?.kind == .error)
    }

    @Test func oOnASessionWithoutAWebLinkSaysSoAndLaunchesNothing() {
        let (state, effects) = Fixture.press("o")
        var expected = initial
        expected.message = .act(.noLink("Opening ceremony"))
        #expect(state == expected && effects.isEmpty)
        #expect(state.message?.text(in: .en) == "“Opening ceremony” has no web link")
        #expect(state.message?.text(in: .fr) == "« Opening ceremony » n'a pas de lien web")
    }

    @Test func yCopiesTheSessionsSummaryAsOneLine() {
        let (state, effects) = Fixture.press("y")
        var expected = initial
        expected.message = .act(.copied("Opening ceremony"))
        #expect(state == expected)
        guard case .copy(let text)? = effects.first else { Issue.record("no copy effect: \(effects)"); return }
        #expect(text.hasPrefix("Opening ceremony · Day 1 of 3"))
        #expect(!text.contains("\n"))
    }

    @Test func exportAsksTheStoreForWhatTheFiltersSelect() {
        let searched = Fixture.press("/ blockchain Enter").state
        let (state, effects) = Fixture.press(": export Space csv Space out.csv Enter", from: searched)
        var expected = searched
        expected.history.commands = ["export csv out.csv"]
        #expect(state == expected)
        #expect(effects == [.export(.csv, path: "out.csv", filter: Fixture.data.filter(for: searched))])
        // The format may come from the file's extension; a path may hold spaces.
        #expect(CommandTable.parse("export my agenda.ics") == .command(.export(.ics, "my agenda.ics")))
        #expect(CommandTable.parse("export md notes") == .command(.export(.md, "notes")))
        #expect(CommandTable.parse("export out") == .error(.usage(":export FORMAT FILE")))
        #expect(CommandTable.parse("export csv") == .error(.usage(":export FORMAT FILE")))
    }

    @Test func onlyPrintableWebAddressesReachTheBrowser() {
        #expect(WebLink.safe("https://events.ccc.de/congress/2024/hub/event/opening") != nil)
        #expect(WebLink.safe("HTTP://example.org/a?b=c&d") != nil)
        for hostile in ["javascript:alert(1)", "file:///etc/passwd", "-remote https://x.org", "https://exa mple.org",
                        "https://x.org/\u{1B}[31m", "https://x.org/\u{9B}2J", "https://", "mailto:a@b.org", "",
                        "https://x.org/" + String(repeating: "a", count: 3000)] {
            #expect(WebLink.safe(hostile) == nil, "\(hostile.prefix(40))")
        }
    }

    @Test func theBrowserIsBrowserThenXdgOpenWithTheAddressAsOneArgument() throws {
        let bin = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-browsers-\(getpid())")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bin) }
        for name in ["firefox", "xdg-open"] {
            let path = bin.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        }
        let url = "https://x.org/a;b&c $(d)"
        let path = bin.path
        #expect(LinkLauncher.command(for: url, environment: ["PATH": path, "BROWSER": "nosuch:firefox --new-tab"])! == (path + "/firefox", ["--new-tab", url]))
        #expect(LinkLauncher.command(for: url, environment: ["PATH": path, "BROWSER": "firefox -url %s --x"])! == (path + "/firefox", ["-url", url, "--x"]))
        #expect(LinkLauncher.command(for: url, environment: ["PATH": path])! == (path + "/xdg-open", [url]))
        #expect(LinkLauncher.command(for: url, environment: ["PATH": "/nonexistent", "BROWSER": "nosuch"]) == nil)
    }
}

/// The store's side on 38C3: the browser gets the session's address, the terminal gets the OSC 52
/// sequence, and `:export` writes a file a reader can read back, or says why not.
@Suite(.serialized) struct ActingStoreTests {
    final class Launches: @unchecked Sendable {
        let lock = NSLock()
        var urls: [String] = []
        func record(_ url: String) { lock.withLock { urls.append(url) } }
    }

    /// RFC 4180 records (quoted fields hold commas, quotes and line breaks).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" { if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false } }
                else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { record.append(field); records.append(record); record = []; field = "" }
            else if c != "\r" { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }

    static func store() -> DashboardStore? { CongressScreensTests.store(size: Size(width: 120, height: 40)) }

    @Test func oHandsTheLinkToTheLauncherAndSaysWhichProgram() throws {
        guard let store = Self.store() else { return }
        let launches = Launches()
        store.launcher = LinkLauncher { url in launches.record(url); return .started(program: "firefox") }
        CongressScreensTests.press("o", on: store)
        let url = try #require(launches.urls.first)
        #expect(url.hasPrefix("https://") && launches.urls.count == 1)
        #expect(store.state.message == .act(.opening(url, program: "firefox")))
        store.launcher = LinkLauncher { _ in .noBrowser }
        CongressScreensTests.press("o", on: store)
        #expect(store.state.message?.text(in: .en) == "No browser to open the link: set $BROWSER or install xdg-open")
    }

    @Test func yWritesAnOSC52SequenceOnceWithTheSummary() throws {
        guard let store = Self.store() else { return }
        #expect(store.takeTerminalOutput() == nil)
        CongressScreensTests.press("y", on: store)
        let output = try #require(store.takeTerminalOutput())
        #expect(store.takeTerminalOutput() == nil)
        #expect(output.hasPrefix("\u{1B}]52;c;") && output.hasSuffix("\u{07}"))
        let payload = try #require(Data(base64Encoded: String(output.dropFirst(7).dropLast())))
        let text = String(decoding: payload, as: UTF8.self)
        #expect(text.hasPrefix("38C3: Opening Ceremony · Day 1 of 4 · "))
        #expect(text.contains("10:30–11:00 (Europe/Berlin)") && text.contains("https://"))
    }

    @Test func exportWritesWhatTheFiltersSelectAtomicallyOrSaysWhyNot() throws {
        guard let store = Self.store(), let source = CongressScreensTests.congressURL?.path else { return }
        store.follow(.file(source))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-export-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("glitch.csv").path

        CongressScreensTests.press(": room Space glitch Enter", on: store)
        let selected = AgendaQuery(index: store.data.index).agenda(store.data.filter(for: store.state)).map(\.sessionCount).reduce(0, +)
        CongressScreensTests.press(": export Space csv Space \(target.replacingOccurrences(of: " ", with: " Space ")) Enter", on: store)
        #expect(store.state.message == .act(.exported(selected, path: target, format: "csv")))
        let rows = Self.records(try String(contentsOfFile: target, encoding: .utf8))
        #expect(rows.count == selected + 1 && selected > 10)
        let room = try #require(rows.first?.firstIndex(of: "room"))
        #expect(rows.dropFirst().allSatisfy { $0[room] == "Saal GLITCH" })

        // Nothing selected: the file stays as it was.
        CongressScreensTests.press("/ zzzqqq Enter : export Space csv Space \(target) Enter", on: store)
        #expect(store.state.message == .act(.exportEmpty(path: target)))
        #expect(Self.records(try String(contentsOfFile: target, encoding: .utf8)).count == selected + 1)

        CongressScreensTests.press(": export Space csv Space /nonexistent/x.csv Enter", on: store)
        #expect(store.state.message?.text(in: .en) == "/nonexistent/x.csv: cannot write: no such directory: /nonexistent")
        CongressScreensTests.press(": export Space xml Space \(source) Enter", on: store)
        #expect(store.state.message == .act(.exportFailed(path: source, reason: "is the schedule being shown; choose another file")))
        #expect(store.state.message?.kind == .error)
    }
}
