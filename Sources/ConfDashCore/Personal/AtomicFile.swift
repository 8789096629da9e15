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
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o666) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".confdash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // O_EXCL: a leftover or someone else's file is never written through.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw Failure(path: path, reason: systemError()) }
        var reason: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    reason = systemError(); return
                }
                offset += written
            }
        }
        if reason == nil && fsync(descriptor) != 0 { reason = systemError() }
        if close(descriptor) != 0 && reason == nil { reason = systemError() }
        if reason == nil && rename(temporary, path) != 0 { reason = systemError() }
        if let reason {
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        syncDirectory(directory)
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
        guard descriptor >= 0 else { throw Failure(path: lockPath, reason: systemError()) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR { throw Failure(path: lockPath, reason: systemError()) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}
