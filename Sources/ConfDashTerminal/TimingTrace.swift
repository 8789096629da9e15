import CTerminalGuard
import ConfDashScreen
#if canImport(Glibc)
import Glibc
#endif

/// Timing lines appended to the file named by CONFDASH_TRACE_TIMING, one per event:
///
///     first-frame ms_since_load=21.4 ms_since_exec=30 size=80x24 colors=256 before_ms=12.1 setup_ms=2.3 resize_ms=0.4 render_ms=4.2 draw_ms=2.4 pid=4242
///     frame keys=Tab,j handle_ms=0.041 render_ms=0.820 draw_ms=0.210 total_ms=1.071 runs=12 diff_ms=0.050 curses_ms=0.040 flush_ms=0.110 pid=4242
///     quit reason=key status=0 pid=4242
///
/// `ms_since_load` counts from when the program was loaded (a C constructor, before main);
/// `ms_since_exec` from when the kernel started the process, to its clock tick (10 ms).
/// A frame line covers one batch of input answered by one frame: handling each key,
/// rendering the grid once, and drawing it (diff, curses, doupdate), with the draw's parts.
struct TimingTrace {
    private let descriptor: Int32?
    private let pid = getpid()

    init(path: String?) {
        guard let path else { descriptor = nil; return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        descriptor = fd >= 0 ? fd : nil
    }

    var isEnabled: Bool { descriptor != nil }

    static func now() -> Double { ctg_ms_since_load() }

    static func format(_ milliseconds: Double) -> String {
        let thousandths = Int((milliseconds * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// `before`: from load to the runner (the program's own start: arguments, data); `setup`:
    /// curses and the guard; then the first resize, render and draw.
    func firstFrame(size: Size, colors: ColorCapability, before: Double, setup: Double, resize: Double, render: Double, draw: Double) {
        let exec = ctg_ms_since_exec()
        let execText = exec < 0 ? "unknown" : String(Int(exec.rounded()))
        line("first-frame ms_since_load=\(Self.format(Self.now())) ms_since_exec=\(execText) size=\(size) colors=\(colors) "
             + "before_ms=\(Self.format(before)) setup_ms=\(Self.format(setup)) resize_ms=\(Self.format(resize)) "
             + "render_ms=\(Self.format(render)) draw_ms=\(Self.format(draw))")
    }

    func frame(keys: [String], handle: Double, render: Double, draw: Double, statistics: DrawStatistics) {
        line("frame keys=\(keys.joined(separator: ",")) handle_ms=\(Self.format(handle)) render_ms=\(Self.format(render)) "
             + "draw_ms=\(Self.format(draw)) total_ms=\(Self.format(handle + render + draw)) runs=\(statistics.runs) "
             + "diff_ms=\(Self.format(statistics.diffMilliseconds)) curses_ms=\(Self.format(statistics.cursesMilliseconds)) "
             + "flush_ms=\(Self.format(statistics.flushMilliseconds))")
    }

    func quit(reason: String, status: Int32) {
        line("quit reason=\(reason) status=\(status)")
        if let descriptor { close(descriptor) }
    }

    private func line(_ text: String) {
        guard let descriptor else { return }
        var bytes = Array("\(text) pid=\(pid)\n".utf8)
        _ = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}
