import ConfDashCore

/// JSON for scripts: keys sorted and pretty-printed, so the same data always gives the same bytes.
/// `PrettyJSONEncoder` writes what Foundation's `JSONEncoder` would, several times faster.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        // Encoding our own plain structs cannot fail; a failure would be a programming error worth seeing.
        guard let bytes = try? PrettyJSONEncoder.encode(value) else { return "{\"error\": \"could not encode output\"}\n" }
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }

    /// The same bytes as `encode`, for a value that writes itself, straight to stdout in pieces
    /// (no `String` of the whole, no tree of slots). Safe on a terminal as it is: `JSONQuoting`
    /// escapes every control character.
    static func write<T: JSONBytesWritable>(_ value: T, to io: CommandIO) {
        var writer = JSONBytesWriter(sink: io.outBytes)
        value.write(to: &writer)
        writer.finish()
        [UInt8(0x0A)].withUnsafeBufferPointer(io.outBytes)
    }
}
