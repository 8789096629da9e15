import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written whole or not at all, and locks between programs. `kill -9` at any moment leaves
/// either the old file or the new one: the bytes go to a new file in the same folder, are flushed
/// to disk (fsync), the file is renamed over the target in one step, and the folder is flushed so
/// the rename itself survives a power cut.
public enum AtomicFile {
    /// Why a write failed, in the system's words (`Read-only file system`, `No space left on device`).
    public struct Failure: Error, Equatable, Sendable {
        public var path: String
        public var reason: String
        /// The system's error number, for callers that report a `POSIXError`.
        public var code: Int32 = 0
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// What to do when the target exists and is not a regular file (a device, FIFO or socket).
    public enum SpecialTarget: Sendable {
        /// Replace it with the new file, as any other target (right for files confdash owns).
        case replace
        /// Write into it in place (`-o /dev/null`, `-o /dev/stdout`, a named pipe): renaming a new
        /// file over it would replace the device itself, and as root /dev/null would become a
        /// plain file that breaks every program on the machine.
        case writeInPlace
    }

    /// Writes `bytes` as the whole new content of `path`: a new file beside it (created with
    /// `mode` before the umask), flushed, renamed over `path`, then the folder flushed.
    public static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String, mode: mode_t = 0o666,
                                                     special: SpecialTarget = .replace) throws(Failure) {
        var status = stat()
        if special == .writeInPlace && stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            return try writeInPlace(bytes, to: path)
        }
        _ = try writeStamped(bytes, to: path, mode: mode)
    }

    /// `write`, returning the new file's stamp as `path` names it after the rename, or nil when
    /// `path` no longer names the file written (another program replaced it at once).
    static func writeStamped<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String, mode: mode_t) throws(Failure) -> FileStamp? {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".confdash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // O_EXCL: a leftover or someone else's file is never written through.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure(path) }
        var failed = writeAll(bytes, to: descriptor, path: path)
        if failed == nil && fsync(descriptor) != 0 { failed = failure(path) }
        var written = stat()
        let knowsWritten = fstat(descriptor, &written) == 0
        if close(descriptor) != 0 && failed == nil { failed = failure(path) }
        if failed == nil && rename(temporary, path) != 0 { failed = failure(path) }
        if let failed {
            unlink(temporary)
            throw failed
        }
        syncDirectory(directory)
        // The rename moves the status-change time, so the stamp is taken from the path, once it
        // is sure to still name the file written (same inode, size and modification time).
        guard knowsWritten, let after = FileStamp.of(path), after.device == UInt64(written.st_dev), after.inode == UInt64(written.st_ino),
              after.size == Int64(written.st_size), after.modified.tv_sec == written.st_mtim.tv_sec,
              after.modified.tv_nsec == written.st_mtim.tv_nsec else { return nil }
        return after
    }

    private static func writeInPlace<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        var failed = writeAll(bytes, to: descriptor, path: path)
        if close(descriptor) != 0 && failed == nil { failed = failure(path) }
        if let failed { throw failed }
    }

    /// Writes every byte, retrying after signals; nil when all went. Also what the CLI writes
    /// standard output with (`StandardStreams`).
    public static func writeAll<Bytes: ContiguousBytes>(_ bytes: Bytes, to descriptor: Int32, path: String) -> Failure? {
        bytes.withUnsafeBytes { buffer -> Failure? in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return failure(path)
                }
                offset += written
            }
            return nil
        }
    }

    /// The failure `errno` describes now.
    static func failure(_ path: String) -> Failure {
        let code = errno
        return Failure(path: path, reason: String(cString: strerror(code)), code: code)
    }

    /// Flushes a folder's entries (a rename, a new file) to disk. Best effort: some file systems refuse.
    public static func syncDirectory(_ directory: String) {
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Runs `body` holding an exclusive lock on `lockPath` (created if needed), so that two
    /// programs' read-merge-write cycles on one file never interleave. The kernel drops the lock
    /// when the process dies, kill -9 included, so a crash never leaves the file locked.
    public static func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(lockPath) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw failure(lockPath) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
