import ArgumentParser
import ConfDashBuildInfo
import ConfDashCore
import ConfDashScreen
import ConfDashUI
import Foundation

/// Where a command's output goes. Commands never print directly, so tests can run them in-process
/// and compare exactly what a user would see on stdout and stderr.
public struct CommandIO {
    public var out: (String) -> Void
    public var err: (String) -> Void
    /// Bytes for stdout that are already safe on a terminal (the JSON `JSONBytesWriter` writes:
    /// `JSONQuoting` escapes every control character), in order with `out`. Lent, not copied:
    /// the writers hand over their own buffers (an `Array` and then a `Data` of every 64 KB piece
    /// cost `agenda --format json` of 38C3 two copies of its 2.3 MB).
    public var outBytes: (UnsafeBufferPointer<UInt8>) -> Void
    public var environment: [String: String]
    /// Width to fit text output to; nil when stdout is not a terminal (pipes get whole lines).
    public var outputWidth: Int?
    /// Why the interactive dashboard cannot run here, or nil when stdin and stdout are terminals
    /// and TERM names a real one.
    public var notInteractiveReason: String?
    /// Takes what a command loaded so it is not freed when the command returns. The real process
    /// exits right after and the kernel takes the memory back at once, where releasing a loaded
    /// schedule piece by piece cost 10-18 % of a `validate` (issue 13). Tests keep nothing, so
    /// running many commands in one process does not grow.
    public var keepUntilExit: (Any) -> Void

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void,
                outBytes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                environment: [String: String] = [:], outputWidth: Int? = nil,
                notInteractiveReason: String? = "not a terminal", keepUntilExit: @escaping (Any) -> Void = { _ in }) {
        // The one boundary every command writes through: text from a file cannot reach the
        // terminal with a control character in it, whatever the command and whatever stdout is.
        self.out = { out(TerminalText.safe($0)) }
        self.err = { err(TerminalText.safe($0)) }
        // Without a byte sink of its own (tests), bytes go to `out` as text: the same stream.
        self.outBytes = outBytes ?? { out(String(decoding: $0, as: UTF8.self)) }
        self.environment = environment
        self.outputWidth = outputWidth
        self.notInteractiveReason = notInteractiveReason
        self.keepUntilExit = keepUntilExit
    }

    public static func standard() -> CommandIO {
        // Read once: each `ProcessInfo.environment` builds a new dictionary of every variable.
        // `ProcessEnvironment` builds the same dictionary for less (issue 13).
        let environment = ProcessEnvironment.current()
        return CommandIO(
            out: { StandardStreams.writeOut($0) },
            err: { StandardStreams.writeError($0) },
            // Straight from the caller's buffer (the write is done when this returns).
            outBytes: { StandardStreams.writeOut(UnsafeRawBufferPointer($0)) },
            environment: environment,
            outputWidth: TerminalSize.outputColumns(of: STDOUT_FILENO, environment: environment),
            notInteractiveReason: interactiveProblem(environment: environment),
            keepUntilExit: ProcessLifetime.keep
        )
    }

    /// The dashboard needs a keyboard and a screen; the terminal backend's own check says why not.
    static func interactiveProblem(environment: [String: String]) -> String? {
        TerminalCheck.problem(environment: environment)?.description
    }
}

/// Exit statuses, from sysexits(3) as the issue asks.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    /// An output file cannot be created or written (export -o).
    public static let cantCreate: Int32 = 73
    /// Standard output cannot be written (a full disk, `> /dev/full`): see `StandardStreams`.
    public static let ioError: Int32 = 74
}

/// A failure whose message has a precise exit status. Each message is one line naming the file.
struct CommandFailure: Error {
    var status: Int32
    var messages: [String]

    static func usage(_ message: String) -> CommandFailure { CommandFailure(status: ExitStatus.usage, messages: [message]) }
}

/// A subcommand that writes through `CommandIO`.
protocol IOCommand: ParsableCommand {
    func execute(io: CommandIO) throws
}

extension IOCommand {
    /// Used only if ArgumentParser's own entry point runs the command; `ConfdashCLI.run` is the real one.
    mutating func run() throws {
        try execute(io: .standard())
    }
}

public enum ConfdashCLI {
    public static let version = BuildInfo.version
    /// What `confdash --version` prints: `confdash 0.1.0 (git 89156b7c1d2e)`.
    public static var versionLine: String { BuildInfo.versionLine }

    /// Parses `arguments` (without the program name), runs the command and returns the exit status.
    /// Exit status when the dashboard is asked for without a terminal.
    public static let notInteractiveStatus: Int32 = 1

    public static func run(_ arguments: [String], io: CommandIO, dashboard launcher: DashboardLauncher? = nil) -> Int32 {
        if let message = CommandSuggestion.unknownCommand(in: arguments) {
            io.err("confdash: \(message)\n")
            return ExitStatus.usage
        }
        do {
            // validate, agenda and snapshot, when their arguments are plain (`QuickSubcommand`).
            if try QuickSubcommand.run(arguments, io: io) { return ExitStatus.success }
            if let options = QuickSubcommand.dashboard(arguments) { return try openDashboard(options, io: io, launcher: launcher) }
            var command = try DirectSubcommand.parse(arguments) ?? ConfdashCommand.parseAsRoot(arguments)
            if let command = command as? any IOCommand {
                try command.execute(io: io.adjusted(for: command))
            } else if let dashboard = command as? DashboardCommand {
                return try openDashboard(dashboard.options, io: io, launcher: launcher)
            } else {
                // ArgumentParser's own commands (`help agenda`) answer by throwing a CleanExit, handled below.
                try command.run()
            }
            return ExitStatus.success
        } catch let failure as CommandFailure {
            for message in failure.messages { io.err("confdash: \(message)\n") }
            return failure.status
        } catch {
            let status = ConfdashCommand.exitCode(for: error)
            let message = ConfdashCommand.fullMessage(for: error, columns: io.outputWidth)
            if status == .success {
                io.out(message + "\n")
            } else {
                if !message.isEmpty { io.err(message + "\n") }
            }
            return status.rawValue
        }
    }
}

extension ConfdashCLI {
    /// No subcommand: the dashboard, or — with no terminal — one line saying what to run instead.
    static func openDashboard(_ options: DashboardOptions, io: CommandIO, launcher: DashboardLauncher?) throws -> Int32 {
        if let reason = io.notInteractiveReason ?? (launcher == nil ? "no terminal support in this build" : nil) {
            io.err("confdash: the dashboard needs a terminal (\(reason)); for plain text try `confdash agenda` (see `confdash --help`)\n")
            return notInteractiveStatus
        }
        DashboardOptions.prefetchWorldMap(data: options.input.data, size: TerminalSize.windowSize(of: STDOUT_FILENO))
        let setup = try options.setup(io, waitForNetwork: false)
        let (status, failure, firstSchedule) = MainActor.assumeIsolated {
            let dashboard = setup.dashboard(size: Size(width: 80, height: 24))
            let status = launcher!.run(dashboard)
            // Saves run off the key path: every star shown is written before the program ends.
            return (status, dashboard.finishSaving(), dashboard.state.live.awaiting?.failure)
        }
        if let failure {
            io.err("confdash: \(failure)\n")
            return status == ExitStatus.success ? ExitStatus.cantCreate : status
        }
        // Started on a URL with nothing cached and quit without ever showing a schedule because
        // it could not be fetched: said again here, with the status the data commands give.
        if let firstSchedule, status == ExitStatus.success { return StartFailure.report(firstSchedule, io: io) }
        return status
    }
}

public struct ConfdashCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "confdash",
        abstract: "Browse conference agendas: the WCO technology events, a dataset in confdash's format, or a frab/pretalx schedule or iCalendar file.",
        discussion: """
        With no subcommand, on a terminal, confdash opens the interactive dashboard (press ? in \
        it for every key). The subcommands below answer the same questions as text, JSON or CSV.

        Examples:
          confdash
          confdash --lang fr --theme monochrome
          confdash events
          confdash agenda --event rio --day 2
          confdash agenda --track detection --format csv
          confdash agenda --search securite --lang fr
          confdash technologies --format json
          confdash validate my-conference.json
          confdash export --format ics -o wco-events.ics

        Exit status: 0 success, 1 dashboard asked for without a terminal, 64 bad usage, 65 bad data, \
        66 file not found or unreadable, 73 output file or state file (stars, notes) cannot be written, \
        74 standard output cannot be written (a full disk).
        """,
        version: ConfdashCLI.versionLine,
        subcommands: [
            EventsCommand.self, AgendaCommand.self, TracksCommand.self, TechnologiesCommand.self,
            RegionsCommand.self, ValidateCommand.self, ExportCommand.self, ChangesCommand.self, SnapshotCommand.self, KeysCommand.self,
            StarCommand.self, UnstarCommand.self, NowCommand.self,
            DashboardCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    public init() {}
}
