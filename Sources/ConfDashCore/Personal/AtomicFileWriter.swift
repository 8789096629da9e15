import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `AtomicFile.write` for a file made in pieces (an export streamed chunk by chunk): the pieces go
/// to a new file beside the target, and only `commit` flushes it and renames it over the target,
/// so an interrupted or failed export still leaves the old file or the whole new one. A device,
/// FIFO or socket target (with `.writeInPlace`) is written directly.
public final class AtomicFileWriter {
    private let path: String
    /// Nil when writing in place.
    private let temporary: String?
    private var descriptor: Int32
    private var failed: AtomicFile.Failure?

    public init(path: String, mode: mode_t = 0o666, special: AtomicFile.SpecialTarget = .replace) throws(AtomicFile.Failure) {
        self.path = path
        var status = stat()
        if special == .writeInPlace && stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            temporary = nil
            descriptor = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        } else {
            let url = URL(fileURLWithPath: path)
            let temporary = url.deletingLastPathComponent().path + "/." + url.lastPathComponent
                + ".confdash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            self.temporary = temporary
            // O_EXCL: a leftover or someone else's file is never written through.
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        }
        guard descriptor >= 0 else { throw AtomicFile.failure(path) }
    }

    /// Appends `bytes`; after a failure, nothing more is written and `commit` reports it.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failed == nil, descriptor >= 0 else { return }
        failed = AtomicFile.writeAll(UnsafeRawBufferPointer(bytes), to: descriptor, path: path)
    }

    /// Flushes the new file and renames it over the target (or closes the device written in place).
    public func commit() throws(AtomicFile.Failure) {
        guard descriptor >= 0 else { return }
        if failed == nil && temporary != nil && fsync(descriptor) != 0 { failed = AtomicFile.failure(path) }
        if close(descriptor) != 0 && failed == nil { failed = AtomicFile.failure(path) }
        descriptor = -1
        if let temporary {
            if failed == nil && rename(temporary, path) != 0 { failed = AtomicFile.failure(path) }
            if failed != nil { unlink(temporary) } else { AtomicFile.syncDirectory(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        }
        if let failed { throw failed }
    }

    /// Drops the new file: the target stays as it was.
    public func abandon() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        if let temporary { unlink(temporary) }
    }

    deinit { abandon() }
}
