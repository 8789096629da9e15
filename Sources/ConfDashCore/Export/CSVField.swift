extension ExportOutput {
    /// One CSV cell of an export, as `CSVWriter.escape(CSVExporter.defused(text))` writes it: `write`
    /// appends the text as it is, and the bytes are then fixed up in place, which is rarely needed.
    /// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first) or that
    /// starts with a control character gets a leading `'`; a cell with a comma, a quote or a line
    /// break, or starting or ending with whitespace, is quoted with its quotes doubled.
    mutating func csvField(_ write: (inout ExportOutput) -> Void) {
        let start = bytes.count
        write(&self)
        let end = bytes.count
        guard end > start else { return }
        let (apostrophe, quotes) = bytes.withUnsafeBufferPointer { all -> (Bool, Bool) in
            let field = UnsafeBufferPointer(rebasing: all[start..<end])
            let apostrophe = Self.leadsAsFormula(field)
            let special = ByteWords.firstMarked(UnsafeRawBufferPointer(field), from: 0) { word in
                ByteWords.equal(word, UInt8(ascii: ",")) | ByteWords.equal(word, UInt8(ascii: "\""))
                    | ByteWords.equal(word, 0x0D) | ByteWords.equal(word, 0x0A)
            }
            var quotes = field[special...].contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
            if !quotes { quotes = (!apostrophe && Self.startsWithWhitespace(field)) || Self.endsWithWhitespace(field) }
            return (apostrophe, quotes)
        }
        guard apostrophe || quotes else { return }
        // Moved aside into a buffer kept from cell to cell (no array per cell), then written back
        // run by run, each quote doubled.
        scratch.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        bytes.removeSubrange(start..<end)
        if quotes { bytes.append(UInt8(ascii: "\"")) }
        if apostrophe { bytes.append(UInt8(ascii: "'")) }
        scratch.withUnsafeBufferPointer { field in
            guard quotes else { bytes.append(contentsOf: field); return }
            var run = 0
            for index in field.indices where field[index] == UInt8(ascii: "\"") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: field[run...index]))
                bytes.append(UInt8(ascii: "\""))
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: field[run...]))
        }
        if quotes { bytes.append(UInt8(ascii: "\"")) }
    }

    /// `CSVExporter.defused`'s characters, or a first character `TerminalText` calls unsafe
    /// (`CSVWriter.escape`): either way the cell gets a leading `'`.
    private static func leadsAsFormula(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = field[0]
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        case 0x0A: return false
        case 0..<0x20, 0x7F: return true
        case 0xC2: return field.count > 1 && (0x80...0x9F).contains(field[1])
        case 0xE2:
            guard field.count > 2 else { return false }
            return (field[1] == 0x80 && (0xAA...0xAE).contains(field[2])) || (field[1] == 0x81 && (0xA6...0xA9).contains(field[2]))
        default: return false
        }
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    private static func startsWithWhitespace(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = field[0]
        guard first >= 0x80 else { return isASCIIWhitespace(first) }
        return String(decoding: field.prefix(4), as: UTF8.self).unicodeScalars.first?.properties.isWhitespace ?? false
    }

    private static func endsWithWhitespace(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let last = field[field.count - 1]
        guard last >= 0x80 else { return isASCIIWhitespace(last) }
        var lead = field.count - 1
        while lead > 0 && field[lead] & 0xC0 == 0x80 { lead -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: field[lead...]), as: UTF8.self).unicodeScalars.last?.properties.isWhitespace ?? false
    }
}
