import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a command's output file whole or not at all: the text goes to a new file beside the
/// target, is flushed to disk, then renamed over the target in one step. An interrupted or failed
/// write leaves the old file as it was and no half file behind.
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
        // A device, FIFO or socket (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is written in
        // place: renaming a new file over it would replace the device itself (as root, /dev/null
        // would become a plain file and break every program on the machine).
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            return try writeInPlace(text, to: path)
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".confdash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // 0666 before the umask, as any program creating a file; O_EXCL so nothing else is overwritten.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard descriptor >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        var (ok, reason) = writeAll(text, to: descriptor)
        if ok && fsync(descriptor) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && ok { ok = false; reason = String(cString: strerror(errno)) }
        if ok && rename(temporary, path) != 0 { ok = false; reason = String(cString: strerror(errno)) }
        if !ok {
            unlink(temporary)
            throw failure(path, reason)
        }
    }

    private static func writeInPlace(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_TRUNC)
        guard descriptor >= 0 else { throw failure(path, String(cString: strerror(errno))) }
        var (ok, reason) = writeAll(text, to: descriptor)
        if close(descriptor) != 0 && ok { ok = false; reason = String(cString: strerror(errno)) }
        if !ok { throw failure(path, reason) }
    }

    /// Writes every byte, retrying after signals; the reason is strerror's on failure.
    private static func writeAll(_ text: String, to descriptor: Int32) -> (ok: Bool, reason: String) {
        var ok = true
        var reason = ""
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false; reason = String(cString: strerror(errno)); return
                }
                offset += written
            }
        }
        return (ok, reason)
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
