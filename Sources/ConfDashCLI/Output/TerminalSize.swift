import Foundation
import ConfDashScreen
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

public enum TerminalSize {
    /// The width to lay text out for on `fd`, or nil when `fd` is not a terminal.
    ///
    /// Output going to a pipe or a file is not fitted to anything: its lines stay whole, whatever
    /// the shell's width, so that `grep`, `less -S` and scripts see the same text every time.
    /// On a terminal, a positive `COLUMNS` wins over the window size, because it is only in the
    /// environment when someone exported it (shells keep it unexported): `COLUMNS=60 confdash …`.
    /// A terminal that reports no size (serial consoles) and no `COLUMNS` gives nil.
    public static func columns(of fd: Int32,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        guard isatty(fd) == 1 else { return nil }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return columns
        }
        return windowColumns(of: fd)
    }

    /// The width to fit text output to: the terminal's (as `columns`), else a positive `COLUMNS`
    /// someone exported for a pipe (`COLUMNS=80 confdash agenda | less`), else nil.
    public static func outputColumns(of fd: Int32,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let columns = columns(of: fd, environment: environment) { return columns }
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        return nil
    }

    /// The columns and rows the terminal driver reports for `fd`, nil when it reports none: the
    /// size curses will most likely start at, a hint for work begun ahead of the first frame.
    static func windowSize(of fd: Int32) -> Size? {
        #if os(Windows)
        return nil
        #else
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
        return Size(width: Int(size.ws_col), height: Int(size.ws_row))
        #endif
    }

    /// The window size the terminal driver reports for `fd`, nil when it reports none.
    public static func windowColumns(of fd: Int32) -> Int? {
        #if os(Windows)
        return nil
        #else
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
        #endif
    }
}
