import ConfDashScreen

/// Runs an `InteractiveProgram` on the terminal until it stops, and always gives the terminal
/// back as it was.
///
/// Exit statuses: 0 when the program stops (q, `:q`); 128 + the signal number for SIGHUP (129),
/// SIGINT (130, Ctrl-C), SIGQUIT (131) and SIGTERM (143), after a clean stop; 129 as well when
/// the terminal goes away without a signal; 1 when no terminal session could start (one line
/// on stderr says why). A crash restores the terminal and then dies by its signal as it would
/// have without the dashboard (the shell reports 128 + signal, e.g. 132 for SIGILL).
@MainActor
public enum TerminalRunner {
    public enum Status {
        public static let quit: Int32 = 0
        public static let cannotStart: Int32 = 1
        public static func signal(_ number: Int32) -> Int32 { 128 + number }
        public static let hangup: Int32 = 129
    }

    public static func run(_ program: InteractiveProgram, options: TerminalOptions = TerminalOptions()) -> Int32 {
        let entered = TimingTrace.now()
        let session: TerminalSession
        do {
            session = try TerminalSession.start(options: options)
        } catch {
            options.errorOutput("confdash: \(error)\n")
            return Status.cannotStart
        }
        defer { session.stop() }
        let trace = TimingTrace(path: options.timingFile)
        let (reason, status) = loop(program, session: session, options: options, trace: trace,
                                    started: (entered: entered, ready: TimingTrace.now()))
        trace.quit(reason: reason, status: status)
        return status
    }

    private static func loop(_ program: InteractiveProgram, session: TerminalSession, options: TerminalOptions,
                             trace: TimingTrace, started: (entered: Double, ready: Double)) -> (reason: String, status: Int32) {
        options.onStart?(session.info)
        program.resize(to: session.size)
        let resized = TimingTrace.now()
        let grid = program.render()
        let rendered = TimingTrace.now()
        session.draw(grid)
        trace.firstFrame(size: session.size, colors: session.colors, before: started.entered, setup: started.ready - started.entered,
                         resize: resized - started.ready, render: rendered - resized, draw: TimingTrace.now() - rendered)

        while true {
            if let signal = session.pendingSignal { return ("signal-\(signal)", Status.signal(signal)) }
            let events = session.readEvents()
            if events.isEmpty {
                if session.pendingSignal == nil, session.inputClosed { return ("input-closed", Status.hangup) }
                // Idle: background results (a reload), the clock. A frame drawn for them is
                // traced as keys=(idle), so a reload's main-thread cost shows in the trace.
                let start = TimingTrace.now()
                if program.idle() { redraw(program, session: session, trace: trace, keys: ["(idle)"], since: start) }
                continue
            }
            let start = TimingTrace.now()
            var names: [String] = []
            for event in events {
                switch event {
                case .resize:
                    program.resize(to: session.size)
                    names.append("resize(\(session.size))")
                case .key(let key):
                    names.append(key.description.replacingSpaces)
                    if !program.handle(key) { return ("key", Status.quit) }
                }
            }
            redraw(program, session: session, trace: trace, keys: names, since: start)
        }
    }

    /// Draws the frame that follows handling `keys` (begun at `since`), rings a bell the program
    /// asked for, and traces the frame's handle, render and draw times.
    private static func redraw(_ program: InteractiveProgram, session: TerminalSession, trace: TimingTrace, keys: [String],
                               since start: Double) {
        let handled = TimingTrace.now()
        let grid = program.render()
        let rendered = TimingTrace.now()
        let drawn = session.draw(grid)
        if program.takeBell() { session.bell() }
        if let output = program.takeTerminalOutput() { session.writeToTerminal(output) }
        if trace.isEnabled {
            trace.frame(keys: keys, handle: handled - start, render: rendered - handled, draw: TimingTrace.now() - rendered,
                        statistics: drawn)
        }
    }
}

private extension String {
    var replacingSpaces: String { String(map { $0 == " " ? "_" : $0 }) }
}
