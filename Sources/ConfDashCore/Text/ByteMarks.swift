import CByteScan

/// A kind of byte an escaping function must look at (a byte below `below`, or one of up to six
/// marks), found 16 bytes at a time by `CByteScan` (SSE2; a short text in one load): the exports'
/// XML and iCalendar escaping scanned with `ByteWords`, eight bytes at a time and a few operations
/// a byte for each kind of byte.
struct ByteMarks: @unchecked Sendable {
    /// Made once, never freed, never changed.
    private let marks: UnsafeMutablePointer<confdash_marks>

    init(below: UInt8, _ list: [UInt8]) {
        precondition((1...6).contains(list.count), "one to six marks")
        marks = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<confdash_marks>.size, alignment: 16)
            .bindMemory(to: confdash_marks.self, capacity: 1)
        list.withUnsafeBufferPointer { confdash_marks_init(marks, below, $0.baseAddress!, Int32($0.count)) }
    }

    /// The index of the first marked byte of `utf8[from...]`, or `utf8.count`.
    @inline(__always)
    func first(in utf8: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        guard let base = utf8.baseAddress, index < utf8.count else { return utf8.count }
        return Int(confdash_first_marked(marks, base, index, utf8.count))
    }

    /// XML text and attributes (`XMLText.escape`): control characters, `&`, `"`, `<`, `>`, and
    /// 0xEF (U+FFFE and U+FFFF begin with it).
    static let xml = ByteMarks(below: 0x20, [UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF])
    /// iCalendar TEXT (`icsEscaped`): control characters, DEL, `\`, `;`, `,`.
    static let ics = ByteMarks(below: 0x20, [0x7F, UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ",")])
}
