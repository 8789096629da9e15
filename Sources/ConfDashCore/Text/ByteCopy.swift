/// Copies of a few bytes (a JSON key, a literal, a short name between two escapes) as one or two
/// overlapping loads and stores instead of a call to `memmove`, which cost ~25 instructions a
/// call through the dynamic linker's stub and its size dispatch: in `agenda --format json`, a
/// few hundred thousand calls.
public enum ByteCopy {
    /// `count` bytes from `source` to `target` (not overlapping).
    @inlinable @inline(__always)
    public static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        switch count {
        case 8...16:
            let first = from.loadUnaligned(as: UInt64.self), last = from.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            to.storeBytes(of: first, as: UInt64.self)
            to.storeBytes(of: last, toByteOffset: count &- 8, as: UInt64.self)
        case 4..<8:
            let first = from.loadUnaligned(as: UInt32.self), last = from.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
            to.storeBytes(of: first, as: UInt32.self)
            to.storeBytes(of: last, toByteOffset: count &- 4, as: UInt32.self)
        case 1..<4:
            target[0] = source[0]
            target[count &- 1] = source[count &- 1]
            target[count >> 1] = source[count >> 1]
        case 0:
            break
        default:
            target.update(from: source, count: count)
        }
    }
}
