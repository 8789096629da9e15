#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands back to the system the memory pages of a file's bytes that a reader has passed and will
/// not read again (issue 13: a 62 MB schedule.xml was held whole until its last byte was read,
/// on top of everything read from it, for a peak of 3.8 times the file's size).
///
/// `madvise(MADV_DONTNEED)` on private memory frees the pages at once; they read as zeros if
/// touched again, so a caller must own the bytes outright (`XMLReader.scan(taking:)` makes sure
/// of that) and never look behind the offset it releases up to. Only whole pages strictly inside
/// the range are released: the start of the allocation (the array's header) is never touched.
enum PassedPages {
    /// Released in steps of at least this many bytes, so that a small file makes no system call
    /// and a large one a few dozen.
    static let step = 4 << 20

    static func release(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard let base = bytes.baseAddress, start < end, end <= bytes.count else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard pageSize > 0 else { return }
        let first = (Int(bitPattern: base + start) + pageSize - 1) / pageSize * pageSize
        let last = Int(bitPattern: base + end) / pageSize * pageSize
        guard first < last, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        // Advice, not a requirement: if the system declines, the pages simply stay.
        _ = madvise(pointer, last - first, MADV_DONTNEED)
    }
}
