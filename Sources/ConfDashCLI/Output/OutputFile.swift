import ConfDashCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a command's output file whole or not at all, through `AtomicFile` (a new file beside the
/// target, flushed, renamed over it, the folder flushed): an interrupted or failed write leaves the
/// old file as it was and no half file behind. A device, FIFO or socket target is written in place.
enum OutputFile {
    /// Fails early, before any data is read, when `path` cannot be the output: a missing folder,
    /// a folder in its place, or the dataset being read (which the export would destroy).
    static func checkWritable(_ path: String, notSameAs input: String?) throws {
        // The folder as the user typed it, so the message names what they wrote.
        let typed = (path as NSString).deletingLastPathComponent
        let directory = typed.isEmpty ? "." : typed
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw failure(path, "no such directory: \(directory)")
        }
        guard isDirectory.boolValue else { throw failure(path, "\(directory) is not a directory") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw failure(path, "is a directory")
        }
        if let input, sameFile(input, path) {
            throw CommandFailure.usage("\(path): is the dataset being read (--data); choose another output file")
        }
    }

    static func write(_ text: String, to path: String) throws {
        do {
            try AtomicFile.write(Array(text.utf8), to: path, special: .writeInPlace)
        } catch {
            throw failure(path, error.reason)
        }
    }

    /// A file to stream an export into: written whole or not at all once `commit` is called.
    static func open(_ path: String) throws -> AtomicFileWriter {
        do {
            return try AtomicFileWriter(path: path, special: .writeInPlace)
        } catch {
            throw failure(path, error.reason)
        }
    }

    static func commit(_ file: AtomicFileWriter, to path: String) throws {
        do {
            try file.commit()
        } catch {
            throw failure(path, error.reason)
        }
    }

    private static func failure(_ path: String, _ reason: String) -> CommandFailure {
        CommandFailure(status: ExitStatus.cantCreate, messages: ["\(path): cannot write: \(reason)"])
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
