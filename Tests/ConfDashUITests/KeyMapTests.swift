import ConfDashCore
import Foundation
import Testing
@testable import ConfDashUI

@Suite struct KeyMapTests {
    let keyMap = KeyMap.standard

    @Test func noKeyIsBoundTwiceWhereBothWouldBeLive() {
        for context in KeyContext.allCases {
            var seen: [Key: String] = [:]
            for binding in keyMap.live(in: context) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) bound twice in \(context): \(seen[key] ?? "") and \(binding.help.en ?? "")")
                    seen[key] = binding.help.en ?? ""
                }
            }
        }
    }

    @Test func everyBindingIsExplainedInBothLanguages() {
        for binding in keyMap.bindings {
            #expect(!(binding.help.en ?? "").isEmpty && !(binding.help.fr ?? "").isEmpty, "\(binding.keys)")
            if let hint = binding.hint { #expect(!(hint.en ?? "").isEmpty && !(hint.fr ?? "").isEmpty) }
        }
        for spec in CommandTable.entries { #expect(spec.help.isBilingual) }
    }

    @Test func theIssuesBaselineKeysAreAllBound() {
        let normal: [(Key, Command)] = [
            (.tab, .focusNext), (.backTab, .focusPrevious), (.character("1"), .focus(.agenda)), (.character("4"), .focus(.technologies)),
            (.up, .moveUp), (.character("k"), .moveUp), (.down, .moveDown), (.character("j"), .moveDown),
            (.pageUp, .pageUp), (.pageDown, .pageDown), (.home, .moveTop), (.character("g"), .moveTop),
            (.end, .moveBottom), (.character("G"), .moveBottom), (.character("["), .previousEvent), (.character("]"), .nextEvent),
            (.character("t"), .openTrackPicker), (.character("/"), .startSearch), (.character("n"), .nextMatch),
            (.character("N"), .previousMatch), (.escape, .cancel), (.character("x"), .clearFilters),
            (.character("L"), .toggleLanguage), (.character(":"), .startCommandLine), (.character("?"), .showHelp),
            (.character("q"), .quit), (.control("c"), .quit),
        ]
        for pane in PaneID.allCases {
            for (key, command) in normal { #expect(keyMap.action(for: key, in: .pane(pane)) == .command(command), "\(key) in \(pane)") }
            #expect(keyMap.action(for: .enter, in: .pane(pane)) == .command(.activate))
        }
        for pane in [PaneID.agenda, .timeline] {
            for key in [Key.left, .character("h")] { #expect(keyMap.action(for: key, in: .pane(pane)) == .command(.previous)) }
            for key in [Key.right, .character("l")] { #expect(keyMap.action(for: key, in: .pane(pane)) == .command(.next)) }
        }
        #expect(keyMap.action(for: .tab, in: .command) == .edit(.complete))
    }

    @Test func everyContextCanBeLeftAndEveryModeCanQuit() {
        for context in KeyContext.allCases {
            #expect(keyMap.action(for: .control("c"), in: context) == .command(.quit), "\(context)")
            if case .pane = context { continue }
            #expect(keyMap.action(for: .escape, in: context) == .command(.cancel), "\(context)")
        }
    }

    @Test func helpListsEveryKeyOfThePaneAndEveryGlobalKey() {
        for pane in PaneID.allCases {
            var state = Fixture.initial()
            state.focus = pane
            let text = HelpOverlay.lines(state).map(\.text).joined(separator: "\n")
            for binding in keyMap.bindings(in: .pane(pane)) + keyMap.bindings(in: .global) {
                #expect(text.contains(binding.help.en!), "help for \(pane) lacks “\(binding.help.en!)”")
                #expect(text.contains(binding.label()))
            }
            for spec in CommandTable.entries { #expect(text.contains(":" + spec.names[0])) }
        }
    }

    @Test func statusHintsComeFromTheKeyMap() {
        let screen = Fixture.screen("", size: Size(width: 200, height: 40))
        let hints = screen.split(separator: "\n").last.map(String.init) ?? ""
        for binding in keyMap.live(in: .pane(.agenda)) where binding.hint != nil {
            // The room grid's hint shows only where there are clock times; the bundled data has none.
            if binding.action == .command(.toggleRoomGrid) {
                #expect(!hints.contains(" rooms "))
                continue
            }
            // R reads a file or URL again: the bundled data never changes, so no hint.
            if binding.action == .command(.reload) {
                #expect(!hints.contains(" reload "))
                continue
            }
            // W lists the data's load warnings: the bundled data has none, so no hint.
            if binding.action == .command(.showProblems) {
                #expect(!hints.contains(" warnings"))
                continue
            }
            #expect(hints.contains(binding.hint!.en!), "status bar lacks the hint “\(binding.hint!.en!)”")
        }
    }

    @Test func theUserGuideCarriesTheGeneratedKeymap() throws {
        let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/user-guide.md")
        let text = try String(contentsOf: guide, encoding: .utf8)
        #expect(text.contains(keyMap.markdown()), "docs/user-guide.md is out of date: paste `KeyMap.standard.markdown()` (run `swift run confdash keys`) into it")
    }

    @Test func dispatcherTypesUnboundCharactersIntoInputsOnly() {
        var state = Fixture.initial()
        // (z maximises a pane now; w is still unbound.)
        #expect(Dispatcher.action(for: .character("w"), in: state) == nil)
        state.mode = .search(LineInput())
        #expect(Dispatcher.action(for: .character("w"), in: state) == .input(.insert("w")))
        #expect(Dispatcher.action(for: .character("z"), in: state) == .input(.insert("z")))
        #expect(Dispatcher.action(for: .character("q"), in: state) == .input(.insert("q")))
        #expect(Dispatcher.action(for: .character("é"), in: state) == .input(.insert("é")))
    }
}
