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
}
