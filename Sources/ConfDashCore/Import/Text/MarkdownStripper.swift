/// Removes Markdown markers, keeping the text and where links point:
/// headings lose their `#`, list items get a `•`, `[slides](https://…)` becomes
/// "slides (https://…)", `![photo](…)` its alt text, and `**bold**`, `_em_`, `` `code` `` their
/// markers. Lines lose their indentation (schedule generators indent continuation lines).
enum MarkdownStripper {
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var first = true
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !first { result.append(0x0A) }
            first = false
            result.append(contentsOf: inline(block(rawLine)))
        }
        return result
    }

    private static let space = UInt8(ascii: " ")
    private static let fence = Array("```".utf8), tildeFence = Array("~~~".utf8), bullet = Array("• ".utf8)
    /// Longest first, so that `**` is taken as a pair before `*` is.
    private static let markers: [[UInt8]] = ["**", "__", "*", "_", "`"].map { Array($0.utf8) }

    /// Line-level markers: headings, bullets, quotes, rules and code fences.
    private static func block(_ rawLine: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = rawLine.drop { $0 == space || $0 == 0x09 }
        while let last = line.last, last == space || last == 0x09 || last == 0x0D { line = line.dropLast() }
        guard let first = line.first else { return line }
        if first == UInt8(ascii: "#") {
            let marks = line.prefix { $0 == first }
            if marks.count <= 6, line.dropFirst(marks.count).first == space {
                return line.dropFirst(marks.count + 1)
            }
        }
        if first == UInt8(ascii: ">") { return line.dropFirst().drop { $0 == space } }
        if line.starts(with: fence) || line.starts(with: tildeFence) { return [] }
        let isRule = line.count >= 3 && line.allSatisfy { $0 == first || $0 == space }
            && (first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_"))
        if isRule { return [] }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"), line.dropFirst().first == space {
            return ArraySlice(bullet + line.dropFirst(2))
        }
        return line
    }

    private static let bracketBit: UInt8 = 1, backslashBit: UInt8 = 2, pairBit: UInt8 = 4
    /// For each byte, which kind of inline marker it can be (0: none).
    private static let inlineMarkers: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        table[Int(UInt8(ascii: "["))] = bracketBit
        table[Int(UInt8(ascii: "\\"))] = backslashBit
        for byte in "*_`".utf8 { table[Int(byte)] = pairBit }
        return table
    }()

    /// Inline markers within one line.
    private static func inline(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        // Most lines have no marker at all: hand them back untouched.
        // One look at each byte through a table says which markers the line holds.
        let found = line.withUnsafeBufferPointer { bytes in
            inlineMarkers.withUnsafeBufferPointer { table in
                var found: UInt8 = 0
                for byte in bytes { found |= table[Int(byte)] }
                return found
            }
        }
        guard found != 0 else { return line }
        var bytes = Array(line)
        if found & Self.bracketBit != 0 { bytes = links(bytes) }
        for marker in markers where bytes.contains(marker[0]) {
            bytes = removePairs(marker, in: bytes)
        }
        if found & Self.backslashBit != 0, bytes.contains(UInt8(ascii: "\\")) { bytes = unescape(bytes) }
        return bytes[...]
    }

    /// `[text](url)` → "text (url)" (just the url when they are the same); `![alt](url)` → alt.
    private static func links(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let isImage = bytes[index] == UInt8(ascii: "!") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "[")
            let open = isImage ? index + 1 : index
            // Searches are bounded so that a line of a thousand '[' stays linear.
            guard bytes[open] == UInt8(ascii: "["),
                  let closeText = bytes[(open + 1)..<min(bytes.count, open + 500)].firstIndex(of: UInt8(ascii: "]")),
                  closeText + 1 < bytes.count, bytes[closeText + 1] == UInt8(ascii: "("),
                  let closeURL = bytes[(closeText + 2)..<min(bytes.count, closeText + 2000)].firstIndex(of: UInt8(ascii: ")")) else {
                result.append(bytes[index])
                index += 1
                continue
            }
            let text = Array(bytes[(open + 1)..<closeText])
            // A title may follow the address: [x](https://… "title").
            let target = bytes[(closeText + 2)..<closeURL].prefix { $0 != space }
            result.append(contentsOf: text)
            if !isImage && !target.isEmpty && !text.elementsEqual(target) {
                result.append(contentsOf: text.isEmpty ? Array(target) : Array(" (".utf8) + target + [UInt8(ascii: ")")])
            }
            index = closeURL + 1
        }
        return result
    }

    /// Removes `marker` where it opens (not after a letter or digit, not before a space) and a
    /// later occurrence closes (not after a space, not before a letter or digit).
    private static func removePairs(_ marker: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        func isWordByte(_ index: Int) -> Bool {
            guard index >= 0 && index < bytes.count else { return false }
            return bytes[index].isASCIILetterOrDigit || bytes[index] >= 0x80
        }
        func isSpace(_ index: Int) -> Bool { index < 0 || index >= bytes.count || MarkupCleaner.isSpace(bytes[index]) }
        func matches(_ index: Int) -> Bool {
            index + marker.count <= bytes.count && bytes[index..<index + marker.count].elementsEqual(marker)
        }
        var remove: [Int] = []
        var index = 0
        var opening: Int?
        while index < bytes.count {
            // `\*` is an escaped star, not a marker.
            guard bytes[index] == marker[0], matches(index), index == 0 || bytes[index - 1] != UInt8(ascii: "\\") else { index += 1; continue }
            let after = index + marker.count
            // A longer run (*** or a ** seen while looking for *) is not this marker.
            if after < bytes.count, bytes[after] == marker[0] { index = after + 1; continue }
            if let start = opening, !isSpace(index - 1), !isWordByte(after) {
                remove.append(contentsOf: [start, index])
                opening = nil
            } else if !isWordByte(index - 1), !isSpace(after) {
                opening = index
            }
            index = after
        }
        guard !remove.isEmpty else { return bytes }
        var result: [UInt8] = []
        var next = 0
        for start in remove {
            result.append(contentsOf: bytes[next..<start])
            next = start + marker.count
        }
        result.append(contentsOf: bytes[next...])
        return result
    }

    /// `\*` → `*`: Markdown's escapes for its own punctuation. An escaped underscore counts only
    /// next to a letter or digit (`snake\_case`, `\_word\_`): elsewhere it is text that happens to
    /// hold a backslash, such as the shrug `¯\_(ツ)_/¯`, which keeps every character.
    private static func unescape(_ bytes: [UInt8]) -> [UInt8] {
        let escapable = Set("\\`*_{}[]()#+-.!<>|".utf8)
        func isWordByte(_ index: Int) -> Bool {
            guard index >= 0, index < bytes.count else { return false }
            let byte = bytes[index]
            return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count, escapable.contains(bytes[index + 1]),
               bytes[index + 1] != UInt8(ascii: "_") || isWordByte(index - 1) || isWordByte(index + 2) {
                result.append(bytes[index + 1])
                index += 2
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
