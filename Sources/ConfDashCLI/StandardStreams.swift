import ConfDashCore
import Foundation

/// Standard output and standard error, written with write(2).
///
/// `FileHandle.write(_:)` stops the process with a `try!` failure (status 132 and a stack trace)
/// when a write fails, so `confdash agenda > /dev/full` or a full disk crashed every command.
/// Here a failed write to standard output ends the command the way coreutils and ripgrep do: one
/// line on standard error naming the problem and exit status 74 (EX_IOERR, sysexits(3)). A
/// broken pipe ends it quietly with the status a shell expects from SIGPIPE, 141, in case the
/// signal is ignored (by default the signal itself ends the process first). Nothing can be
/// reported about a failed write to standard error itself, so that is dropped.
enum StandardStreams {
    static func writeOut(_ bytes: UnsafeRawBufferPointer) {
        if let failure = AtomicFile.writeAll(bytes, to: STDOUT_FILENO, path: "standard output") { outputFailed(failure) }
    }

    static func writeOut(_ text: String) {
        var text = text
        text.withUTF8 { writeOut(UnsafeRawBufferPointer($0)) }
    }

    static func writeError(_ text: String) {
        var text = text
        _ = text.withUTF8 { AtomicFile.writeAll(UnsafeRawBufferPointer($0), to: STDERR_FILENO, path: "standard error") }
    }

    private static func outputFailed(_ failure: AtomicFile.Failure) -> Never {
        if failure.code == EPIPE { exit(141) }
        writeError("confdash: cannot write to standard output: \(failure.reason)\n")
        exit(ExitStatus.ioError)
    }
}
