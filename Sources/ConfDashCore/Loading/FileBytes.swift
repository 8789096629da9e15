#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension DatasetLoader {
    /// The bytes of a local file, read straight into the array the readers scan. Going through
    /// `Data` and then `[UInt8](data)` held the file twice: 124 MB at once for a 62 MB schedule,
    /// and the copy's time.
    static func readBytes(_ url: URL) throws(LoadFailure) -> (bytes: [UInt8], name: String) {
        let name = try readableName(url)
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(file: name, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var information = stat()
        let expected = fstat(descriptor, &information) == 0 && (information.st_mode & S_IFMT) == S_IFREG ? Int(information.st_size) : 0
        var failure: Int32 = 0
        // The size stat gives, in one read loop; then whatever more there is (a file still growing,
        // or one whose size stat does not know), in blocks.
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            prefault(buffer)
            while count < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                count += got
            }
        }
        if failure == 0 {
            var block = [UInt8](repeating: 0, count: 65_536)
            while true {
                let got = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                bytes.append(contentsOf: block[0..<got])
                // A file that grows while it is read (a pipe, a log) stops at the same limit.
                if bytes.count > maximumFileBytes {
                    throw .unreadable(file: name, reason: "more than the \(maximumFileBytes / 1_000_000) MB confdash reads")
                }
            }
        }
        if failure != 0 { throw .unreadable(file: name, reason: String(cString: strerror(failure))) }
        return (bytes, name)
    }

    /// Asks the kernel for the pages of a large new buffer at once, before `read` fills it: `read`
    /// otherwise took a page fault for each 4 KiB page it wrote (38C3: 534 faults; the file's read
    /// 1.2 → 0.95 ms, issue 13, round 14). Only a request: where the kernel does not know
    /// `MADV_POPULATE_WRITE` (before Linux 5.14) or cannot, the pages come as `read` writes them.
    private static func prefault(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        #if os(Linux)
        guard let base = buffer.baseAddress, buffer.count >= 1 << 20 else { return }
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~(page - 1)
        guard end > start, let first = UnsafeMutableRawPointer(bitPattern: start) else { return }
        // MADV_POPULATE_WRITE (Linux 5.14), by number: not every C library names it.
        _ = madvise(first, Int(end - start), 23)
        #endif
    }
}
