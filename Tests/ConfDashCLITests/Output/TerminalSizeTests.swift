import Foundation
import Testing
import ConfDashCLI
#if canImport(Glibc)
import Glibc
#endif

@Suite struct TerminalSizeTests {
    @Test func pipesAndFilesHaveNoWidthWhateverCOLUMNSSays() throws {
        let pipe = Pipe()
        #expect(TerminalSize.columns(of: pipe.fileHandleForWriting.fileDescriptor, environment: ["COLUMNS": "100"]) == nil)
        let devNull = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
        #expect(TerminalSize.columns(of: devNull.fileDescriptor, environment: ["COLUMNS": "100"]) == nil)
        #expect(TerminalSize.windowColumns(of: pipe.fileHandleForWriting.fileDescriptor) == nil)
    }

    #if canImport(Glibc)
    /// A pseudo-terminal stands in for a real one. Swift's Glibc module leaves the pty functions
    /// out (they need _XOPEN_SOURCE), so they are looked up.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/ptmx")))
    func terminalsReportTheirWindowAndCOLUMNSWins() throws {
        func libc<F>(_ name: String, _ type: F.Type) throws -> F {
            unsafeBitCast(try #require(dlsym(dlopen(nil, RTLD_NOW), name)), to: type)
        }
        let openpt = try libc("posix_openpt", (@convention(c) (Int32) -> Int32).self)
        let grantpt = try libc("grantpt", (@convention(c) (Int32) -> Int32).self)
        let unlockpt = try libc("unlockpt", (@convention(c) (Int32) -> Int32).self)
        let ptsname = try libc("ptsname", (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)

        let controller = openpt(O_RDWR | O_NOCTTY)
        try #require(controller >= 0)
        defer { close(controller) }
        try #require(grantpt(controller) == 0 && unlockpt(controller) == 0)
        let terminal = open(try #require(ptsname(controller)), O_RDWR | O_NOCTTY)
        try #require(terminal >= 0)
        defer { close(terminal) }

        var size = winsize(ws_row: 24, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0)
        try #require(ioctl(controller, UInt(TIOCSWINSZ), &size) == 0)
        #expect(TerminalSize.columns(of: terminal, environment: [:]) == nil)
        #expect(TerminalSize.columns(of: terminal, environment: ["COLUMNS": "90"]) == 90)

        size.ws_col = 123
        try #require(ioctl(controller, UInt(TIOCSWINSZ), &size) == 0)
        #expect(TerminalSize.columns(of: terminal, environment: [:]) == 123)
        #expect(TerminalSize.columns(of: terminal, environment: ["COLUMNS": "72"]) == 72)
        #expect(TerminalSize.columns(of: terminal, environment: ["COLUMNS": "wide"]) == 123)
        #expect(TerminalSize.columns(of: terminal, environment: ["COLUMNS": "0"]) == 123)
    }
    #endif
}
