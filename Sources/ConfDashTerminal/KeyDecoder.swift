import ConfDashScreen

/// One result of curses' `get_wch`, before it means anything.
public enum RawInput: Equatable, Sendable {
    /// `OK`: a character (a Unicode code point, or a control code).
    case character(UInt32)
    /// `KEY_CODE_YES`: a curses key code (arrows, F-keys, KEY_RESIZE, …).
    case keyCode(Int32)
    /// `KEY_MOUSE`, already read with `getmouse`: the button state mask and the cell.
    case mouse(buttons: UInt32, x: Int, y: Int)
}

/// What the event loop acts on.
public enum InputEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size; curses already knows the new size.
    case resize
}

/// Where the decoder reads what follows an Escape: input that has already arrived, without waiting.
public protocol RawInputSource {
    mutating func nextAvailable() -> RawInput?
    mutating func pushBack(_ input: RawInput)
}

/// curses key codes (ncurses' curses.h; `TerminalSession` checks them against the real header).
public enum CursesKeyCode {
    public static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
    public static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
    public static let delete: Int32 = 0o512, pageDown: Int32 = 0o522, pageUp: Int32 = 0o523
    public static let enter: Int32 = 0o527, backTab: Int32 = 0o541, end: Int32 = 0o550
    public static let find: Int32 = 0o552, select: Int32 = 0o601
    public static let mouse: Int32 = 0o631, resize: Int32 = 0o632
}

/// ncurses mouse masks (mouse version 2) the dashboard asks for.
public enum CursesMouseMask {
    public static let button1Pressed: UInt32 = 0o2
    /// Clicked, double- and triple-clicked: what ncurses reports if it folds press and release.
    public static let button1Clicks: UInt32 = 0o4 | 0o10 | 0o20
    public static let button4Pressed: UInt32 = 0o2 << 15
    public static let button5Pressed: UInt32 = 0o2 << 20
    /// The mask passed to `mousemask`: left button and the wheel (buttons 4 and 5).
    public static let requested: UInt32 = button1Pressed | button4Pressed | button5Pressed
}

/// Turns `get_wch` results into keys. Pure: the reading is done by a `RawInputSource`.
///
/// Escape: a lone ESC (nothing follows within curses' escape delay, 25 ms here) is `.escape`.
/// ESC followed at once by `[` or `O` is a sequence curses did not recognise (a key this
/// terminal's terminfo does not describe): it is read to its end and ignored, so its bytes
/// are never taken for typed characters. ESC followed at once by another character is
/// Alt+character, which the dashboard does not bind: both are ignored. ESC followed at once
/// by ESC or a special key is `.escape`, and the next input is decoded on its own.
public enum KeyDecoder {
    public static func decode<Source: RawInputSource>(_ input: RawInput, from source: inout Source) -> InputEvent? {
        switch input {
        case .character(27):
            return decodeEscape(from: &source)
        case .character(let code):
            return character(code).map(InputEvent.key)
        case .keyCode(let code):
            return keyCode(code)
        case .mouse(let buttons, let x, let y):
            return mouse(buttons: buttons, x: x, y: y).map(InputEvent.key)
        }
    }

    static func decodeEscape<Source: RawInputSource>(from source: inout Source) -> InputEvent? {
        guard let next = source.nextAvailable() else { return .key(.escape) }
        switch next {
        case .character(0x5B):  // ESC [ — a control sequence: parameters, then a final byte @…~
            var parameters = ""
            while let following = source.nextAvailable() {
                guard case .character(let code) = following, (0x20...0x7E).contains(code) else {
                    source.pushBack(following)
                    return nil
                }
                if code >= 0x40 { return NavigationSequence.csi(parameters: parameters, final: code).map(InputEvent.key) }
                parameters.unicodeScalars.append(Unicode.Scalar(UInt8(code)))
            }
            return nil
        case .character(0x4F):  // ESC O — SS3: one final byte
            guard let last = source.nextAvailable() else { return nil }
            guard case .character(let code) = last, (0x40...0x7E).contains(code) else {
                source.pushBack(last)
                return nil
            }
            return NavigationSequence.ss3(final: code).map(InputEvent.key)
        case .character(27), .keyCode, .mouse:
            source.pushBack(next)
            return .key(.escape)
        case .character:
            return nil  // Alt+character: not bound
        }
    }

    /// A character code from `get_wch` (OK), or nil when it stands for nothing the dashboard uses.
    public static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26:
            return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0...31, 0x80...0x9F: return nil  // NUL, Ctrl-\ ] ^ _ and C1 controls
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A curses key code (KEY_CODE_YES), or nil for keys the dashboard does not use.
    public static func keyCode(_ code: Int32) -> InputEvent? {
        typealias K = CursesKeyCode
        switch code {
        case K.resize: return .resize
        case K.up: return .key(.up)
        case K.down: return .key(.down)
        case K.left: return .key(.left)
        case K.right: return .key(.right)
        case K.pageUp: return .key(.pageUp)
        case K.pageDown: return .key(.pageDown)
        case K.home, K.find: return .key(.home)
        case K.end, K.select: return .key(.end)
        case K.backTab: return .key(.backTab)
        case K.enter: return .key(.enter)
        case K.backspace: return .key(.backspace)
        case K.delete: return .key(.delete)
        case (K.f0 + 1)...(K.f0 + 63): return .key(.function(Int(code - K.f0)))
        default: return nil
        }
    }

    /// A mouse report: a left press (or click) at a cell, or a wheel step. Releases, drags and
    /// other buttons are nil.
    public static func mouse(buttons: UInt32, x: Int, y: Int) -> Key? {
        let kind: MouseEvent.Kind
        if buttons & CursesMouseMask.button4Pressed != 0 { kind = .wheelUp }
        else if buttons & CursesMouseMask.button5Pressed != 0 { kind = .wheelDown }
        else if buttons & (CursesMouseMask.button1Pressed | CursesMouseMask.button1Clicks) != 0 { kind = .press }
        else { return nil }
        return .mouse(MouseEvent(kind: kind, position: Point(x: x, y: y)))
    }
}
