import CNcursesw
import CTerminalGuard
import ConfDashScreen
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a session starts. Defaults suit the dashboard; tests and the CLI may change them.
public struct TerminalOptions {
    /// Colours to use; nil detects them (COLORS from terminfo, NO_COLOR honoured).
    public var colors: ColorCapability?
    /// Report left clicks and the wheel. With it on, selecting text needs Shift in most terminals.
    public var mouse: Bool
    /// How long one wait for input lasts before the loop looks at the signal flag again.
    public var inputTimeoutMilliseconds: Int32
    /// Where timing lines go (CONFDASH_TRACE_TIMING), or nil.
    public var timingFile: String?
    /// Environment consulted for TERM, NO_COLOR and CONFDASH_TRACE_TIMING.
    public var environment: [String: String]
    /// Send web addresses as OSC 8 hyperlinks (HyperlinkOutput.supported decides from the environment).
    public var hyperlinks: Bool
    /// Where the one-line reason goes when the terminal cannot be used.
    public var errorOutput: (String) -> Void
    /// Called once the terminal is set up, before the first `resize(to:)`: the program can pick
    /// a theme for the colours actually available.
    public var onStart: ((TerminalInfo) -> Void)?

    public init(environment: [String: String] = currentEnvironment(), colors: ColorCapability? = nil, mouse: Bool = true,
                inputTimeoutMilliseconds: Int32 = 50, errorOutput: @escaping (String) -> Void = writeToStandardError,
                onStart: ((TerminalInfo) -> Void)? = nil) {
        self.environment = environment
        self.colors = colors
        self.mouse = mouse
        self.inputTimeoutMilliseconds = inputTimeoutMilliseconds
        self.timingFile = environment["CONFDASH_TRACE_TIMING"].flatMap { $0.isEmpty ? nil : $0 }
        self.hyperlinks = HyperlinkOutput.supported(environment: environment)
        self.errorOutput = errorOutput
        self.onStart = onStart
    }

    public static func currentEnvironment() -> [String: String] { ProcessInfo.processInfo.environment }

    public static func writeToStandardError(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

/// What one `draw` did: how many runs it sent, and where the time went (diffing the grids,
/// handing the runs to curses, curses writing to the terminal).
public struct DrawStatistics: Equatable, Sendable {
    public var runs: Int
    public var diffMilliseconds: Double
    public var cursesMilliseconds: Double
    public var flushMilliseconds: Double
}

/// What the program learns when the terminal starts.
public struct TerminalInfo: Equatable, Sendable {
    public var size: Size
    public var colors: ColorCapability
    public var term: String
}

/// Why a session could not start.
public enum TerminalStartError: Error, Equatable, CustomStringConvertible {
    case unavailable(TerminalCheck.Unavailable)
    /// curses could not set up this terminal type (unknown to terminfo, say).
    case cannotOpen(term: String)

    public var description: String {
        switch self {
        case .unavailable(let reason): return "cannot open the dashboard: \(reason)"
        case .cannotOpen(let term): return "cannot open the dashboard: terminal type '\(term)' is not known to terminfo"
        }
    }
}

/// The terminal while the dashboard runs: curses set up, the guard armed, the last drawn grid.
/// Everything here runs on the main actor (ncurses is not reentrant).
@MainActor
public final class TerminalSession {
    public private(set) var size: Size
    public let colors: ColorCapability
    public let term: String

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let defaultColors: Bool
    private let maxPairs: Int
    private var pairs: [PairKey: Int16] = [:]
    private var styles: [Style: (attr_t, Int16)] = [:]
    private var previous: CellGrid?
    private let hyperlinks: Bool
    /// The links last sent, so an unchanged one is not sent again.
    private var previousLinks: [Hyperlink] = []
    private var pushedBack: [RawInput] = []
    private let timeout: Int32
    private var stopped = false

    private struct PairKey: Hashable { var foreground: Int; var background: Int }

    /// Starts curses on stdin/stdout. Throws when there is no usable terminal; the terminal is
    /// then untouched.
    public static func start(options: TerminalOptions) throws(TerminalStartError) -> TerminalSession {
        if let problem = TerminalCheck.problem(environment: options.environment) { throw .unavailable(problem) }
        let term = options.environment["TERM"] ?? ""
        // Swift's crash reporter reads SWIFT_BACKTRACE when the program loads, so setting it now
        // would change nothing; unless the user chose its settings, the guard answers its
        // "Press space to interact" prompt instead of letting it wait 30 s for a key.
        ctg_answer_crash_prompt(options.environment["SWIFT_BACKTRACE"] == nil ? 1 : 0)
        // Only the character type: curses needs UTF-8 there, while number formats stay as the
        // rest of the program expects. Without a UTF-8 locale, C.UTF-8 (always present in glibc).
        setlocale(LC_CTYPE, "")
        if cn_codeset_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }

        guard ctg_arm(STDOUT_FILENO) == 0 else { throw .unavailable(.outputNotTerminal) }
        ctg_install_handlers()  // before curses, which then leaves INT and TERM alone
        guard let screen = cn_newterm_stdio() else {
            ctg_uninstall_handlers()
            ctg_disarm()
            throw .cannotOpen(term: term)
        }
        return TerminalSession(screen: screen, term: term, options: options)
    }

    private init(screen: OpaquePointer, term: String, options: TerminalOptions) {
        self.screen = screen
        self.term = term
        window = cn_stdscr()
        timeout = options.inputTimeoutMilliseconds
        hyperlinks = options.hyperlinks
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        leaveok(window, true)
        curs_set(0)
        set_escdelay(25)
        Self.disableFlowControl()
        if options.mouse {
            mousemask(mmask_t(CursesMouseMask.requested), nil)
            mouseinterval(0)  // a press is reported at once, not after waiting to see a click
        }
        // COLORS is known only once colour has started, and colour starts only when wanted.
        let wanted = options.colors ?? (ColorCapability.noColorRequested(in: options.environment) ? .none : .palette256)
        var capability = ColorCapability.none
        var usesDefaults = false
        if wanted != .none, has_colors(), start_color() == OK {
            usesDefaults = use_default_colors() == OK
            capability = min(wanted, ColorCapability(colors: Int(cn_colors()), noColor: false))
        }
        colors = capability
        defaultColors = usesDefaults
        maxPairs = max(0, min(Int(cn_color_pairs()) - 1, Int(Int16.max)))
        size = Size(width: Int(cn_cols()), height: Int(cn_lines()))

        let reset = Self.resetSequence()
        ctg_set_reset_sequence(reset, reset.utf8.count)
        ctg_capture_stderr()
    }

    /// Ctrl-S would otherwise freeze the screen (XON/XOFF); Ctrl-C and Ctrl-Z keep their signals.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDOUT_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        tcsetattr(STDOUT_FILENO, TCSADRAIN, &modes)
        def_prog_mode()  // curses keeps this as the dashboard's mode (after a suspend, say)
    }

    /// Bytes that put the terminal back: mouse reporting off, attributes off, keypad off, cursor
    /// on, normal screen.
    private static func resetSequence() -> String {
        var bytes = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l"
        for name in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            if let value = cn_tigetstr(name) { bytes += String(cString: value) }
        }
        return bytes
    }

    public var info: TerminalInfo { TerminalInfo(size: size, colors: colors, term: term) }

    /// The first TERM/INT/HUP/QUIT signal received, if any.
    public var pendingSignal: Int32? {
        let signal = ctg_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// True when the terminal has gone (hung up) and no input will ever come.
    public var inputClosed: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) > 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    // MARK: Input

    /// Waits up to the input timeout for input, then also takes whatever else has already
    /// arrived (typeahead, at most `limit` inputs), so that one frame answers a burst of keys.
    /// Empty when nothing came or what came means nothing. A resize updates `size` and makes
    /// the next `draw` repaint everything.
    public func readEvents(limit: Int = 64) -> [InputEvent] {
        var events: [InputEvent] = []
        var source = CursesInput(session: self)
        var waiting = true
        for _ in 0..<limit {
            guard let raw = waiting ? nextRaw(waitMilliseconds: timeout) : nextRaw(waitMilliseconds: 0) else { break }
            waiting = false
            guard let event = KeyDecoder.decode(raw, from: &source) else { continue }
            if event == .resize {
                size = Size(width: Int(cn_cols()), height: Int(cn_lines()))
                invalidate()
            }
            events.append(event)
        }
        return events
    }

    fileprivate func nextRaw(waitMilliseconds: Int32) -> RawInput? {
        if !pushedBack.isEmpty { return pushedBack.removeFirst() }
        wtimeout(window, waitMilliseconds)
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK:
            return .character(UInt32(code))
        case KEY_CODE_YES:
            if Int32(code) == KEY_MOUSE {
                var event = MEVENT()
                guard getmouse(&event) == OK else { return .keyCode(KEY_MOUSE) }
                return .mouse(buttons: UInt32(event.bstate), x: Int(event.x), y: Int(event.y))
            }
            return .keyCode(Int32(code))
        default:
            return nil
        }
    }

    fileprivate func pushBack(_ input: RawInput) { pushedBack.append(input) }

    // MARK: Output

    /// Rings the terminal bell once (curses flashes the screen where there is no bell).
    public func bell() { _ = beep() }

    /// Sends a sequence curses knows nothing of (OSC 52) straight to the terminal, after curses
    /// has flushed its frame; it moves no cursor and draws nothing.
    public func writeToTerminal(_ text: String) {
        fflush(nil)  // every stdio stream, curses' included
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// Makes the screen show `grid`, sending only the cells that changed since the last draw.
    /// A grid of another size than the terminal is cut or padded to fit.
    @discardableResult
    public func draw(_ grid: CellGrid) -> DrawStatistics {
        let start = TimingTrace.now()
        let grid = grid.size == size ? grid : Self.fitted(grid, to: size)
        if previous == nil { werase(window) }
        let runs = ScreenDiff.runs(from: previous, to: grid)
        let diffed = TimingTrace.now()
        for run in runs {
            let (attributes, pair) = cursesStyle(for: run.style)
            wattr_set(window, attributes, pair, nil)
            _ = mvwaddstr(window, Int32(run.y), Int32(run.x), run.text)  // ERR at the last cell is expected
        }
        wattr_set(window, cn_a_normal(), 0, nil)
        wnoutrefresh(window)
        let written = TimingTrace.now()
        doupdate()
        if hyperlinks { sendLinks(of: grid, runs: runs) }
        previous = grid
        return DrawStatistics(runs: runs.count, diffMilliseconds: diffed - start, cursesMilliseconds: written - diffed,
                              flushMilliseconds: TimingTrace.now() - written)
    }

    /// The frame's links again, as OSC 8 hyperlinks, when they changed or curses redrew a row of one.
    private func sendLinks(of grid: CellGrid, runs: [DrawRun]) {
        let links = grid.currentLinks
        guard !links.isEmpty || !previousLinks.isEmpty else { return }
        if links != previousLinks || runs.contains(where: { run in links.contains { $0.y == run.y } }) {
            writeToTerminal(HyperlinkOutput.sequence(for: grid, capability: colors, defaultColors: defaultColors))
        }
        previousLinks = links
    }

    /// Forgets what is on screen: the next `draw` clears it and sends every cell.
    public func invalidate() {
        previous = nil
        previousLinks = []
        clearok(window, true)
    }

    nonisolated static func fitted(_ grid: CellGrid, to size: Size) -> CellGrid {
        var result = CellGrid(size: size)
        for y in 0..<min(size.height, grid.size.height) {
            for x in 0..<min(size.width, grid.size.width) where !grid[x, y].isContinuation {
                result.write(grid[x, y].grapheme, x: x, y: y, style: grid[x, y].style)
            }
        }
        return result
    }

    /// The curses attributes and colour pair for a style, worked out once per style.
    private func cursesStyle(for style: Style) -> (attr_t, Int16) {
        if let known = styles[style] { return known }
        let resolved = ColorMapping.resolve(style, capability: colors, defaultColors: defaultColors)
        let result = (attributes(resolved.attributes), pair(for: resolved))
        styles[style] = result
        return result
    }

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = cn_a_normal()
        if attributes.contains(.bold) { result |= cn_a_bold() }
        if attributes.contains(.dim) { result |= cn_a_dim() }
        if attributes.contains(.reverse) { result |= cn_a_reverse() }
        if attributes.contains(.underline) { result |= cn_a_underline() }
        if attributes.contains(.italic) { result |= cn_a_italic() }
        return result
    }

    /// The colour pair for `resolved`, allocated the first time it is asked for. Pair 0 (the
    /// terminal's defaults) when there is no colour or no pair left.
    private func pair(for resolved: ResolvedStyle) -> Int16 {
        guard colors != .none, !(resolved.usesDefaultColors && defaultColors) else { return 0 }
        let key = PairKey(foreground: resolved.foreground, background: resolved.background)
        if let pair = pairs[key] { return pair }
        guard pairs.count < maxPairs else { return 0 }
        let pair = Int16(pairs.count + 1)
        guard init_pair(pair, Int16(resolved.foreground), Int16(resolved.background)) == OK else { return 0 }
        pairs[key] = pair
        return pair
    }

    // MARK: Stopping

    /// Gives the terminal back as it was: curses ends, the guard is disarmed, stderr written
    /// during the session appears, the previous signal handlers return. Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screen)
        ctg_disarm()
        ctg_uninstall_handlers()
    }

    /// The key codes and mouse masks `KeyDecoder` uses, against the real curses header.
    nonisolated static func decoderConstantsMatchCurses() -> Bool {
        typealias K = CursesKeyCode
        let codes: [(Int32, Int32)] = [
            (K.down, KEY_DOWN), (K.up, KEY_UP), (K.left, KEY_LEFT), (K.right, KEY_RIGHT), (K.home, KEY_HOME),
            (K.backspace, KEY_BACKSPACE), (K.f0, KEY_F0), (K.delete, KEY_DC), (K.pageDown, KEY_NPAGE),
            (K.pageUp, KEY_PPAGE), (K.enter, KEY_ENTER), (K.backTab, KEY_BTAB), (K.end, KEY_END),
            (K.find, KEY_FIND), (K.select, KEY_SELECT), (K.mouse, KEY_MOUSE), (K.resize, KEY_RESIZE),
        ]
        let masks: [(UInt32, mmask_t)] = [
            (CursesMouseMask.button1Pressed, cn_button1_pressed()), (CursesMouseMask.button1Clicks, cn_button1_clicked()),
            (CursesMouseMask.button4Pressed, cn_button4_pressed()), (CursesMouseMask.button5Pressed, cn_button5_pressed()),
        ]
        return codes.allSatisfy { $0.0 == $0.1 } && masks.allSatisfy { $0.0 == UInt32($0.1) }
    }
}

/// What follows an Escape, read from curses without waiting.
@MainActor
private struct CursesInput: @MainActor RawInputSource {
    let session: TerminalSession
    mutating func nextAvailable() -> RawInput? { session.nextRaw(waitMilliseconds: 0) }
    mutating func pushBack(_ input: RawInput) { session.pushBack(input) }
}
