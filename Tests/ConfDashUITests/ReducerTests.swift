import ConfDashCore
import Testing
@testable import ConfDashUI

/// Key sequences against the bundled data, each compared with the whole expected state: a change
/// the test does not describe fails it.
@Suite struct ReducerTests {
    let initial = Fixture.initial()

    @Test func opensOnTheMostRecentEventFirstDayAgendaFocused() {
        var expected = AppState(size: Size(width: 80, height: 24), language: .en, selectedEvent: "wco-tech-conf-2024")
        expected.day = 1
        #expect(initial == expected)
    }

    @Test func rightAndLeftMoveDaysWithinTheEvent() {
        var expected = initial
        expected.day = 2
        #expect(Fixture.press("Right").state == expected)
        expected.day = 3
        // A key that can do nothing says so.
        expected.message = .places(.alreadyLastDay(3, of: 3))
        #expect(Fixture.press("l Right Right Right").state == expected)
        expected.day = 1
        expected.message = .places(.alreadyFirstDay)
        #expect(Fixture.press("Right Left Left h").state == expected)
    }

    @Test func bracketsMoveBetweenEventsFromAnyPane() {
        var expected = initial
        expected.selectedEvent = "smart-customs-jakarta-2024"
        #expect(Fixture.press("[").state == expected)
        expected.focus = .technologies
        expected.selectedEvent = "ap-online-workshop-2021"
        expected.message = .places(.alreadyFirstEvent)
        #expect(Fixture.press("4 [ [ [ [ [ [").state == expected)
    }

    @Test func tabCyclesPanesAndDigitsJump() {
        #expect(Fixture.press("Tab").state.focus == .timeline)
        #expect(Fixture.press("Tab Tab Tab Tab").state.focus == .agenda)
        #expect(Fixture.press("BTab").state.focus == .technologies)
        #expect(Fixture.press("3").state.focus == .regions)
    }

    @Test func timelineCursorIsTheSelectedEventAndEnterShowsItsAgenda() {
        var expected = initial
        expected.selectedEvent = "smart-customs-lima-2024"
        expected.focus = .agenda
        #expect(Fixture.press("2 Up k Enter").state == expected)
    }

    @Test func movingDaysResetsTheAgendaCursor() {
        var expected = initial
        expected.day = 2
        #expect(Fixture.press("j j Right").state == expected)
        let moved = Fixture.press("j j").state
        #expect(moved.agenda.cursor == 2)
    }

    @Test func regionNarrowsEverythingAndMovesToTheNearestEventInIt() {
        var expected = initial
        expected.focus = .regions
        expected.regions.cursor = 1
        expected.filters = [.region("asia-pacific")]
        expected.selectedEvent = "smart-customs-jakarta-2024"
        let state = Fixture.press("3 j Enter").state
        #expect(state == expected)
        #expect(Fixture.data.eventsInScope(state).map(\.id) == ["ap-online-workshop-2021", "wco-tech-conf-2023", "smart-customs-jakarta-2024"])
        // Enter again on the same region removes the filter; the selection stays where it is.
        expected.filters = []
        #expect(Fixture.press("Enter", from: state).state == expected)
    }

    @Test func technologyNarrowsTheTimelineToWhereItIsDiscussed() {
        let state = Fixture.press("4 End Enter").state
        let last = Fixture.data.technologies.last!
        #expect(state.filters == [.technology(TypedID(last.id))])
        let scope = Fixture.data.eventsInScope(state).map(\.id)
        #expect(Set(scope) == Set(Fixture.data.technologyUsage[last.id]!.eventIDs))
        #expect(scope.contains(state.selectedEvent!.rawValue))
    }

    @Test func trackPickerTicksSeveralTracksAndAppliesThemToEveryEvent() {
        var expected = initial
        expected.filters = [.tracks(["strategy", "detection-risk"])]
        let state = Fixture.press("t j Space j j j Space Enter").state
        #expect(state == expected)
        let rows = Fixture.data.agendaRows(state)
        #expect(rows.sessionCount > 0)
        for cursor in 0..<rows.sessionCount {
            #expect(!Set(rows.session(at: cursor)!.0.tracks).isDisjoint(with: ["strategy", "detection-risk"]))
        }
        // Escape in the picker changes nothing.
        #expect(Fixture.press("t j Space Escape").state == initial)
    }

    @Test func incrementalSearchThenEnterKeepsItAndFollowsTheFirstMatch() {
        let typing = Fixture.press("/ blockchain").state
        guard case .search(let input) = typing.mode else { Issue.record("not in search mode"); return }
        #expect(input.text == "blockchain")
        #expect(typing.searchText == "blockchain")
        #expect(typing.filters.isEmpty)

        let applied = Fixture.press("Enter", from: typing).state
        var expected = initial
        expected.filters = [.search("blockchain")]
        expected.history.searches = ["blockchain"]
        let rows = Fixture.data.agendaRows(applied)
        let (firstSession, firstEvent) = rows.session(at: 0)!
        expected.selectedEvent = EventID(firstEvent.id)
        if let day = firstSession.day { expected.day = firstEvent.dayIndex(of: day)! }
        #expect(applied == expected)
        #expect(rows.sessionCount >= 3)
    }

    @Test func searchIgnoresCaseAndAccentsInBothLanguages() {
        let french = Fixture.press("/ SÉCURITÉ Enter").state
        let plain = Fixture.press("/ securite Enter").state
        #expect(Fixture.data.agendaRows(french).sessionCount == Fixture.data.agendaRows(plain).sessionCount)
        #expect(Fixture.data.agendaRows(plain).sessionCount > 0)
        #expect(Fixture.data.agendaRows(Fixture.press("/ chaîne Space de Space blocs Enter").state).sessionCount
                == Fixture.data.agendaRows(Fixture.press("/ blockchain Enter").state).sessionCount)
    }

    @Test func nAndNWrapAroundTheMatches() {
        let searched = Fixture.press("/ blockchain Enter").state
        let count = Fixture.data.agendaRows(searched).sessionCount
        #expect(Fixture.press("N", from: searched).state.agenda.cursor == count - 1)
        #expect(Fixture.press(Array(repeating: "n", count: count).joined(separator: " "), from: searched).state.agenda.cursor == 0)
        let noSearch = Fixture.press("n").state
        #expect(noSearch.message?.kind == .info)
    }

    @Test func escapeInSearchRestoresAndEscapeOutsideClearsTheLastFilter() {
        #expect(Fixture.press("/ blockchain Escape").state == initial)
        let two = Fixture.press("/ ai Enter 3 Enter").state
        #expect(two.filters == [.search("ai"), .region("americas-caribbean")])
        #expect(Fixture.press("Escape", from: two).state.filters == [.search("ai")])
        let cleared = Fixture.press("x", from: two).state
        #expect(cleared.filters.isEmpty)
        #expect(cleared.message == .filtersCleared && cleared.message?.kind == .info)
        #expect(cleared.message?.text(in: .en) == "All filters cleared")
        let nothing = Fixture.press("Escape").state.message
        #expect(nothing == .nothingToClear && nothing?.kind == .info && nothing?.text(in: .en) == "No filter to clear")
    }

    @Test func languageSwitchesWithLAndTheCommandLine() {
        #expect(Fixture.press("L").state.language == .fr)
        #expect(Fixture.press("L L").state.language == .en)
        var expected = initial
        expected.language = .fr
        expected.history.commands = ["lang fr"]
        #expect(Fixture.press(": lang Space fr Enter").state == expected)
    }

    @Test func commandLineCommandsAreTheKeysCommands() {
        var byCommand = Fixture.press(": day Space 2 Enter").state
        #expect(byCommand.history.commands == ["day 2"])
        byCommand.history = InputHistory()
        #expect(byCommand == Fixture.press("Right").state)
        #expect(Fixture.press(": event Space lima Enter").state.selectedEvent == "smart-customs-lima-2024")
        #expect(Fixture.press(": track Space detection Enter").state.filters == [.tracks(["detection-risk"])])
        #expect(Fixture.press(": tech Space IdO Enter").state.filters == [.technology("iot")])
        #expect(Fixture.press(": region Space asia Space pacific Enter").state.filters == [.region("asia-pacific")])
        #expect(Fixture.press(": search Space drone Enter").state.filters == [.search("drone")])
        #expect(Fixture.press(": q Enter").effects == [.quit])
        #expect(Fixture.press(": quit Enter").effects == [.quit])
    }

    @Test func commandLineErrorsAreClearAndChangeNothingElse() {
        let unknown = Fixture.press(": frobnicate Enter").state
        var expected = initial
        expected.message = .unknownCommand("frobnicate")
        expected.history.commands = ["frobnicate"]
        #expect(unknown == expected)
        // Messages are values; their words, in English here, are checked once each.
        let expectations: [(String, StatusMessage, String)] = [
            (": frobnicate Enter", .unknownCommand("frobnicate"), "Unknown command “:frobnicate” — Tab completes, ? lists the keys"),
            (": day Space 9 Enter", .noSuchDay(9, of: 3), "This event has no day 9 (it has 3)"),
            (": day Space two Enter", .usage(":day N|DATE"), "Usage: :day N|DATE"),
            (": tech Space quantum Enter", .notFound(.technology, "quantum"), "No technology named “quantum”"),
            (": lang Space de Enter", .usage(":lang en|fr"), "Usage: :lang en|fr"),
        ]
        for (keys, message, text) in expectations {
            let state = Fixture.press(keys).state
            #expect(state.message == message && state.message?.kind == .error, "\(keys)")
            #expect(state.message?.text(in: .en) == text)
        }
    }

    @Test func tabCompletesCommandsAndNames() {
        func line(_ state: AppState) -> String? {
            if case .command(let input) = state.mode { return input.text }
            return nil
        }
        #expect(line(Fixture.press(": tr Tab").state) == "track ")
        #expect(line(Fixture.press(": track Space Dete Tab").state) == "track Detection and risk management")
        #expect(line(Fixture.press(": track Space strat,dete Tab").state) == "track strat,Detection and risk management")
        #expect(line(Fixture.press(": lang Space Tab").state) == "lang ")
        #expect(line(Fixture.press(": lang Space Tab Tab").state) == "lang en")
        #expect(line(Fixture.press(": lang Space Tab Tab Tab").state) == "lang fr")
        #expect(line(Fixture.press(": tech Space arti Tab").state) == "tech Artificial intelligence")
    }

    @Test func quitFromEveryModeWithCtrlCAndQOnlyOutsideInputs() {
        #expect(Fixture.press("q").effects == [.quit])
        #expect(Fixture.press("C-c").effects == [.quit])
        #expect(Fixture.press("/ C-c").effects == [.quit])
        #expect(Fixture.press("? C-c").effects == [.quit])
        #expect(Fixture.press("/ q").effects.isEmpty)
        if case .search(let input) = Fixture.press("/ q").state.mode { #expect(input.text == "q") }
    }

    @Test func helpAndDetailOverlaysOpenScrollAndClose() {
        #expect(Fixture.press("?").state.overlay == .help(scroll: 0))
        #expect(Fixture.press("? j j").state.overlay == .help(scroll: 2))
        let end = Fixture.press("? End").state
        #expect(end.overlay == .help(scroll: HelpOverlay.maxScroll(end)))
        #expect(HelpOverlay.maxScroll(end) > 0)
        #expect(Fixture.press("? Escape").state == initial)
        #expect(Fixture.press("Enter").state.overlay == .detail(scroll: 0))
        let next = Fixture.press("Enter Right").state
        #expect(next.overlay == .detail(scroll: 0) && next.agenda.cursor == 1)
        #expect(Fixture.press("Enter Escape").state == initial)
        // Scrolling stops at the end of the content.
        let bottom = Fixture.press("Enter PageDown PageDown PageDown PageDown").state
        if case .detail(let scroll) = bottom.overlay {
            #expect(scroll == DetailOverlay.maxScroll(bottom, data: Fixture.data))
        } else { Issue.record("detail closed") }
    }

    @Test func resizingDownToOneByOneAndBackKeepsAConsistentState() {
        var state = Fixture.press("j j Right").state
        for size in [Size(width: 1, height: 1), Size(width: 39, height: 9), Size(width: 200, height: 60), Size(width: 80, height: 24)] {
            Fixture.reducer.reduce(&state, .resize(size))
            #expect(state.size == size)
        }
        var expected = Fixture.press("j j Right").state
        expected.agenda = state.agenda
        #expect(state == expected)
    }

    @Test func mouseClickFocusesAPaneAndSelectsTheRowUnderIt() {
        var state = Fixture.initial(Size(width: 120, height: 40))
        // Regions pane: third row of its list.
        let layout = Layout.compute(size: state.size, focus: state.focus)
        let regions = layout.content(of: .regions)!
        Fixture.reducer.reduce(&state, .mouse(MouseEvent(kind: .press, position: Point(x: regions.x + 2, y: regions.y + 2))))
        #expect(state.focus == .regions && state.regions.cursor == 2)
        // Agenda: the second session (rows: header 3 lines, then 2 lines a session).
        let agenda = layout.content(of: .agenda)!
        Fixture.reducer.reduce(&state, .mouse(MouseEvent(kind: .press, position: Point(x: agenda.x + 5, y: agenda.y + 3 + 2))))
        #expect(state.focus == .agenda && state.agenda.cursor == 1)
        Fixture.reducer.reduce(&state, .mouse(MouseEvent(kind: .wheelDown, position: Point(x: agenda.x + 5, y: agenda.y + 5))))
        #expect(state.agenda.cursor == 3)
        // Timeline: the lane of the 2021 workshop.
        let timeline = layout.content(of: .timeline)!
        Fixture.reducer.reduce(&state, .mouse(MouseEvent(kind: .press, position: Point(x: timeline.x + 2, y: timeline.y + 1))))
        #expect(state.focus == .timeline && state.selectedEvent == "ap-online-workshop-2021")
    }

    @Test func tabBarClicksInTheCompactLayout() {
        var state = Fixture.initial()
        Fixture.reducer.reduce(&state, .mouse(MouseEvent(kind: .press, position: Point(x: 15, y: 0))))
        #expect(state.focus == .timeline)
    }
}

@Suite struct RegionClickTests {
    @Test func aClickOnTheMapSelectsNoRegion() {
        var state = Fixture.initial(Size(width: 80, height: 24))
        Fixture.reducer.reduce(&state, .command(.focus(.regions)))
        let content = Layout.compute(size: state.size, focus: .regions).content(of: .regions)!
        // The map sits to the right of the list at this size; row 3 of it is not region 3.
        Fixture.reducer.reduce(&state, .mouse(MouseEvent(kind: .press, position: Point(x: content.maxX - 5, y: content.y + 3))))
        #expect(state.regions.cursor == 0)
        Fixture.reducer.reduce(&state, .mouse(MouseEvent(kind: .press, position: Point(x: content.x + 3, y: content.y + 3))))
        #expect(state.regions.cursor == 3)
    }
}
