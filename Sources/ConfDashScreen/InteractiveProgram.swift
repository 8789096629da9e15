/// What the terminal loop drives. The dashboard implements it; the curses backend
/// (ConfDashTerminal) runs it: it reports the size, passes keys (mouse events included), and
/// draws whatever grid `render()` returns, sending only the cells that changed.
@MainActor
public protocol InteractiveProgram: AnyObject {
    /// Called before the first frame and after every resize, with the new size (may be 1x1).
    func resize(to size: Size)
    /// Handles one key. Returns false when the program wants to stop (q, Ctrl-C, `:q`).
    func handle(_ key: Key) -> Bool
    /// The whole screen for the current state, exactly `size` cells.
    func render() -> CellGrid
    /// Called while no input comes (every input timeout, about 50 ms). Returns true when the
    /// screen must be drawn again: a clock moved, a reminder is due.
    func idle() -> Bool
    /// True once for each time the program wants the terminal bell rung.
    func takeBell() -> Bool
    /// Sequences for the terminal itself (OSC 52 to set the clipboard), taken once, written
    /// after the next frame; nil when there are none.
    func takeTerminalOutput() -> String?
}

public extension InteractiveProgram {
    func idle() -> Bool { false }
    func takeBell() -> Bool { false }
    func takeTerminalOutput() -> String? { nil }
}
