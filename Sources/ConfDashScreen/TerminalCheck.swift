#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether an interactive session can start here. curses happily writes escape codes into a
/// pipe and accepts TERM=dumb, so this is decided before it starts.
public enum TerminalCheck {
    /// Why the dashboard cannot open; `description` is a short clause for a one-line message.
    public enum Unavailable: Equatable, Sendable, CustomStringConvertible {
        case inputNotTerminal, outputNotTerminal, termUnset, termDumb

        public var description: String {
            switch self {
            case .inputNotTerminal: return "standard input is not a terminal"
            case .outputNotTerminal: return "standard output is not a terminal"
            case .termUnset: return "TERM is not set"
            case .termDumb: return "TERM is 'dumb'"
            }
        }
    }

    /// The decision for given facts: nil when a session is possible.
    public static func problem(inputIsTerminal: Bool, outputIsTerminal: Bool, term: String?) -> Unavailable? {
        if !outputIsTerminal { return .outputNotTerminal }
        if !inputIsTerminal { return .inputNotTerminal }
        guard let term, !term.isEmpty else { return .termUnset }
        if term == "dumb" { return .termDumb }
        return nil
    }

    /// The decision for this process: stdin and stdout, and TERM from `environment`.
    public static func problem(environment: [String: String]) -> Unavailable? {
        problem(inputIsTerminal: isatty(STDIN_FILENO) == 1, outputIsTerminal: isatty(STDOUT_FILENO) == 1,
                term: environment["TERM"])
    }
}
