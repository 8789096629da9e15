import ArgumentParser
import ConfDashCore
import Foundation

/// Where a command's output goes. Commands never print directly, so tests can run them in-process
/// and compare exactly what a user would see on stdout and stderr.
public struct CommandIO {
    public var out: (String) -> Void
    public var err: (String) -> Void
    public var environment: [String: String]
    /// Width to fit text output to; nil when stdout is not a terminal (pipes get whole lines).
    public var outputWidth: Int?

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void,
                environment: [String: String] = [:], outputWidth: Int? = nil) {
        self.out = out
        self.err = err
        self.environment = environment
        self.outputWidth = outputWidth
    }

    public static func standard() -> CommandIO {
        CommandIO(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) },
            environment: ProcessInfo.processInfo.environment,
            outputWidth: TerminalSize.columns(of: STDOUT_FILENO)
        )
    }
}

/// Exit statuses, from sysexits(3) as the issue asks.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let usage: Int32 = 64
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
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
    public static let version = "0.1.0"

    /// Parses `arguments` (without the program name), runs the command and returns the exit status.
    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        do {
            var command = try ConfdashCommand.parseAsRoot(arguments)
            if let command = command as? any IOCommand {
                try command.execute(io: io)
            } else if command is ConfdashCommand {
                // No subcommand: the dashboard will open here; until it exists, the help is the answer.
                io.out(ConfdashCommand.helpMessage(columns: io.outputWidth) + "\n")
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

public struct ConfdashCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "confdash",
        abstract: "Browse conference agendas: the WCO technology events, a dataset in confdash's format, or a frab/pretalx schedule or iCalendar file.",
        discussion: """
        With no subcommand, confdash will open the interactive dashboard (not yet available: \
        this help is shown instead). The subcommands below answer questions from the command line.

        Examples:
          confdash events
          confdash agenda --event rio --day 2
          confdash agenda --track detection --format csv
          confdash agenda --search securite --lang fr
          confdash technologies --format json
          confdash validate my-conference.json

        Exit status: 0 success, 64 bad usage, 65 bad data, 66 file not found or unreadable.
        """,
        version: ConfdashCLI.version,
        subcommands: [
            EventsCommand.self, AgendaCommand.self, TracksCommand.self, TechnologiesCommand.self,
            RegionsCommand.self, ValidateCommand.self,
        ]
    )

    public init() {}
}
