import Foundation

/// The state file lists sessions and export records sorted by key with `String`'s `<`, so that
/// saving one state twice gives the same bytes. Sorting 1,000 marks that way was a quarter of a
/// save: each comparison went through the standard library's general string comparison and each
/// swap copied a whole mark. Here the items are ordered through an index array, and when every
/// key is ASCII (guids, UIDs and confdash ids almost always are) keys are compared as bytes:
/// for ASCII, `String`'s order (Unicode scalar order of the NFC form) is byte order. Any other
/// key and the general comparison is used for all. Equal keys keep their input order.
enum KeyOrder {
    static func sorted<Item>(_ items: [Item], by key: (Item) -> String) -> [Item] {
        sortedIndices(items.map(key)).map { items[$0] }
    }

    /// The positions of `keys` in key order.
    static func sortedIndices(_ keys: [String]) -> [Int] {
        var order = Array(keys.indices)
        guard keys.count > 1 else { return order }
        var arena: [UInt8] = []
        var spans: [(start: Int, count: Int)] = []
        spans.reserveCapacity(keys.count)
        var ascii = true
        for key in keys {
            var text = key
            let start = arena.count
            text.withUTF8 { utf8 in
                for byte in utf8 where byte >= 0x80 { ascii = false; break }
                arena.append(contentsOf: utf8)
            }
            spans.append((start, arena.count - start))
            if !ascii { break }
        }
        if ascii {
            // Each key's first 8 bytes as one big-endian number (zeros after a shorter key):
            // numbers that differ order the keys as their bytes do, so most comparisons (guids
            // and UIDs differ early) are one integer comparison; equal numbers compare the rest.
            let prefixes = arena.withUnsafeBufferPointer { bytes in
                spans.map { span -> UInt64 in
                    var value: UInt64 = 0
                    for offset in 0..<8 { value = value << 8 | UInt64(offset < span.count ? bytes[span.start + offset] : 0) }
                    return value
                }
            }
            arena.withUnsafeBufferPointer { bytes in
                spans.withUnsafeBufferPointer { spans in
                    prefixes.withUnsafeBufferPointer { prefixes in
                        order.sort { a, b in
                            if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
                            let x = spans[a], y = spans[b]
                            let shared = min(x.count, y.count)
                            if shared > 0 {
                                let compared = memcmp(bytes.baseAddress! + x.start, bytes.baseAddress! + y.start, shared)
                                if compared != 0 { return compared < 0 }
                            }
                            return x.count != y.count ? x.count < y.count : a < b
                        }
                    }
                }
            }
        } else {
            order.sort { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : a < b }
        }
        return order
    }
}
