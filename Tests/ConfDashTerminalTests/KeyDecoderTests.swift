import ConfDashScreen
import Testing
@testable import ConfDashTerminal

/// Input that has "already arrived", as curses would hand it over after an ESC.
private struct QueuedInput: RawInputSource {
    var queue: [RawInput]
    mutating func nextAvailable() -> RawInput? { queue.isEmpty ? nil : queue.removeFirst() }
    mutating func pushBack(_ input: RawInput) { queue.insert(input, at: 0) }
}

/// Decodes everything in `inputs` as the session does: one input, then what it pulls after.
private func decodeAll(_ inputs: [RawInput]) -> [InputEvent] {
    var source = QueuedInput(queue: inputs)
    var events: [InputEvent] = []
    while let input = source.nextAvailable() {
        if let event = KeyDecoder.decode(input, from: &source) { events.append(event) }
    }
    return events
}

private func chars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

@Suite struct KeyDecoderTests {
    @Test func characterCodesBecomeKeys() {
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(10) == .enter)
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(8) == .backspace)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(3) == .control("c"))
        #expect(KeyDecoder.character(1) == .control("a"))
        #expect(KeyDecoder.character(26) == .control("z"))
        #expect(KeyDecoder.character(32) == .character(" "))
        #expect(KeyDecoder.character(0x6A) == .character("j"))
        #expect(KeyDecoder.character(0xE9) == .character("é"))
        #expect(KeyDecoder.character(0x65E5) == .character("日"))
        #expect(KeyDecoder.character(0x1F600) == .character("😀"))
    }

    @Test func controlCodesWithoutAMeaningAreIgnored() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x80, 0x9B, 0x9F, 0xD800, 0x110000] {
            #expect(KeyDecoder.character(code) == nil, "code \(code)")
        }
    }

    @Test func cursesKeyCodesBecomeKeys() {
        typealias K = CursesKeyCode
        let expected: [(Int32, Key)] = [
            (K.up, .up), (K.down, .down), (K.left, .left), (K.right, .right),
            (K.pageUp, .pageUp), (K.pageDown, .pageDown), (K.home, .home), (K.end, .end),
            (K.find, .home), (K.select, .end), (K.backTab, .backTab), (K.enter, .enter),
            (K.backspace, .backspace), (K.delete, .delete), (K.f0 + 1, .function(1)), (K.f0 + 12, .function(12)),
        ]
        for (code, key) in expected { #expect(KeyDecoder.keyCode(code) == .key(key), "code \(code)") }
        #expect(KeyDecoder.keyCode(K.resize) == .resize)
        #expect(KeyDecoder.keyCode(K.f0) == nil)
        #expect(KeyDecoder.keyCode(0o513) == nil)  // KEY_IC: not used
    }

    @Test func theDecoderConstantsAreCursesOwn() {
        #expect(TerminalSession.decoderConstantsMatchCurses())
    }

    @Test func mouseReportsBecomePressesAndWheelSteps() {
        #expect(KeyDecoder.mouse(buttons: CursesMouseMask.button1Pressed, x: 3, y: 7)
                == .mouse(MouseEvent(kind: .press, position: Point(x: 3, y: 7))))
        #expect(KeyDecoder.mouse(buttons: 0o4, x: 1, y: 1) == .mouse(MouseEvent(kind: .press, position: Point(x: 1, y: 1))))
        #expect(KeyDecoder.mouse(buttons: CursesMouseMask.button4Pressed, x: 0, y: 2)
                == .mouse(MouseEvent(kind: .wheelUp, position: Point(x: 0, y: 2))))
        #expect(KeyDecoder.mouse(buttons: CursesMouseMask.button5Pressed, x: 0, y: 2)
                == .mouse(MouseEvent(kind: .wheelDown, position: Point(x: 0, y: 2))))
        #expect(KeyDecoder.mouse(buttons: 0o1, x: 0, y: 0) == nil)        // button 1 released
        #expect(KeyDecoder.mouse(buttons: 0o2 << 10, x: 0, y: 0) == nil)  // button 3 pressed
        #expect(decodeAll([.mouse(buttons: CursesMouseMask.button1Pressed, x: 5, y: 6)])
                == [.key(.mouse(MouseEvent(kind: .press, position: Point(x: 5, y: 6))))])
    }

    @Test func aLoneEscapeIsEscape() {
        #expect(decodeAll([.character(27)]) == [.key(.escape)])
    }

    @Test func escapeThenEscapeOrASpecialKeyKeepsBoth() {
        #expect(decodeAll([.character(27), .character(27)]) == [.key(.escape), .key(.escape)])
        #expect(decodeAll([.character(27), .keyCode(CursesKeyCode.up)]) == [.key(.escape), .key(.up)])
    }

    @Test func altCharacterIsIgnoredWithoutLosingWhatFollows() {
        #expect(decodeAll([.character(27)] + chars("xj")) == [.key(.character("j"))])
    }

    @Test func unknownEscapeSequencesAreSwallowedWhole() {
        // Ctrl-Up on a terminal whose terminfo does not describe it: ESC [ 1 ; 5 A.
        #expect(decodeAll([.character(27)] + chars("[1;5Aj")) == [.key(.character("j"))])
        // SS3 with a final byte: ESC O P (F1 on some terminals).
        #expect(decodeAll([.character(27)] + chars("OPk")) == [.key(.character("k"))])
        // A sequence cut short by a special key leaves the key.
        #expect(decodeAll([.character(27)] + chars("[1") + [.keyCode(CursesKeyCode.down)]) == [.key(.down)])
        // Alt-[ alone is nothing.
        #expect(decodeAll([.character(27)] + chars("[")) == [])
    }

    @Test("Home/End and other navigation keys sent as raw sequences (tmux with TERM=xterm-256color, rxvt, Linux console)")
    func rawNavigationSequences() {
        let cases: [(String, Key)] = [
            ("[1~", .home), ("[4~", .end), ("[7~", .home), ("[8~", .end), ("[H", .home), ("[F", .end),
            ("OH", .home), ("OF", .end), ("[1H", .home), ("[1F", .end), ("[5~", .pageUp), ("[6~", .pageDown),
            ("[3~", .delete), ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left),
            ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left), ("[Z", .backTab),
        ]
        for (sequence, key) in cases {
            #expect(decodeAll([.character(27)] + chars(sequence + "j")) == [.key(key), .key(.character("j"))], "ESC \(sequence)")
        }
        // Modified keys and unknown numbers stay unbound, and never leak as typed characters.
        #expect(decodeAll([.character(27)] + chars("[1;5Hj")) == [.key(.character("j"))])
        #expect(decodeAll([.character(27)] + chars("[2~j")) == [.key(.character("j"))])
        #expect(decodeAll([.character(27)] + chars("[15~j")) == [.key(.character("j"))])
    }

    @Test func resizesAndKeysInterleave() {
        #expect(decodeAll([.keyCode(CursesKeyCode.resize)] + chars("q")) == [.resize, .key(.character("q"))])
    }
}
