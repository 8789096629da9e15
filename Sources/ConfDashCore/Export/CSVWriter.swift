import Foundation

/// CSV as RFC 4180 writes it: a header record, fields separated by commas, records ended by CRLF
/// (the RFC's line break, which Excel, LibreOffice and Python's `csv` all read; `.lf` is there for
/// tools that want Unix lines). Line breaks inside a field are kept as they are, inside quotes.
/// The text is UTF-8 without a byte order mark, which spreadsheet imports may need told.
public struct CSVWriter: Sendable {
    public enum LineEnding: String, Sendable {
        case crlf = "\r\n"
        case lf = "\n"
    }

    public let columnCount: Int
    public let lineEnding: LineEnding
    public private(set) var text = ""

    public init(header: [String], lineEnding: LineEnding = .crlf) {
        precondition(!header.isEmpty, "a CSV file needs at least one column")
        self.columnCount = header.count
        self.lineEnding = lineEnding
        append(header)
    }

    /// Adds a record; it must have as many fields as the header.
    public mutating func append(_ fields: [String]) {
        precondition(fields.count == columnCount, "CSV record has \(fields.count) fields, header has \(columnCount)")
        if fields == [""] {
            // A lone empty field would be a blank line, which readers skip.
            text += "\"\"" + lineEnding.rawValue
            return
        }
        text += fields.map(Self.escape).joined(separator: ",") + lineEnding.rawValue
    }

    public var data: Data { Data(text.utf8) }

    /// The field as it goes in the file: quoted, with quotes doubled, when it needs to be. A field
    /// starting with a control character (an escape sequence, a tab a spreadsheet may act on) gets
    /// an apostrophe in front, as spreadsheets mark text: the data stays, but never leads a cell.
    public static func escape(_ field: String) -> String {
        if let first = field.unicodeScalars.first, first == "\t" || TerminalText.isUnsafe(first) {
            return escape("'" + field)
        }
        guard needsQuotes(field) else { return field }
        // Bytes rather than Foundation's replacingOccurrences: exports quote many long fields.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(field.utf8.count + 4)
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Commas, quotes and line breaks must be quoted; leading or trailing spaces are quoted too,
    /// because some readers trim unquoted fields.
    public static func needsQuotes(_ field: String) -> Bool {
        // Bytes, not Characters: "\r\n" is a single Character and would not equal "\r" or "\n".
        if field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }) {
            return true
        }
        guard let first = field.unicodeScalars.first, let last = field.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
    }
}
