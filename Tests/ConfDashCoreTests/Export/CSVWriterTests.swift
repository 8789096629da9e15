import ConfDashTestSupport
import Foundation
import Testing
import ConfDashCore

/// Just enough of an RFC 4180 reader to read our output back: quoted fields with doubled quotes
/// and line breaks, records ended by CRLF or LF. Works on scalars, because "\r\n" is one Character.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    var quoted = false
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" { field.append(scalars.removeFirst()) } else { quoted = false }
            } else {
                field.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"": quoted = true
        case ",": record.append(String(field)); field = .init()
        case "\r" where scalars.first == "\n": continue
        case "\n":
            record.append(String(field)); field = .init()
            records.append(record); record = []
        default: field.append(scalar)
        }
    }
    if !field.isEmpty || !record.isEmpty { record.append(String(field)); records.append(record) }
    return records
}

let awkwardRows: [[String]] = [
    ["plain", "with, comma", "with \"quotes\""],
    ["line\nbreak", "crlf\r\ninside", "cr\ronly"],
    ["", " leading", "trailing "],
    ["Sécurité à Hanoï", "l’OMD « douane »", "日本 🚀 👨\u{200D}👩\u{200D}👧"],
    ["\"", "\"\"", ","],
    ["", "", ""],
]

@Suite struct CSVWriterTests {
    @Test func escaping() {
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("") == "")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.escape("crlf\r\n") == "\"crlf\r\n\"")
        #expect(CSVWriter.escape(" padded ") == "\" padded \"")
        #expect(CSVWriter.escape("Jáuregui") == "Jáuregui")
        #expect(CSVWriter.escape("a;b\tc") == "a;b\tc")
    }

    @Test func documentUsesCRLFAndAHeader() {
        var writer = CSVWriter(header: ["date", "title", "city"])
        writer.append(["2024-03-18", "Sécurité, frontières", "Hanoï"])
        writer.append(["2024-06-03", "", "東京"])
        #expect(writer.text == "date,title,city\r\n2024-03-18,\"Sécurité, frontières\",Hanoï\r\n2024-06-03,,東京\r\n")
        #expect(writer.data.starts(with: [0x64, 0x61]), "no byte order mark")
        #expect(String(decoding: writer.data, as: UTF8.self) == writer.text)

        var unix = CSVWriter(header: ["a"], lineEnding: .lf)
        unix.append(["x"])
        #expect(unix.text == "a\nx\n")
    }

    @Test func aLoneEmptyFieldIsNotABlankLine() {
        var writer = CSVWriter(header: ["only"])
        writer.append([""])
        #expect(writer.text == "only\r\n\"\"\r\n")
        #expect(parseCSV(writer.text) == [["only"], [""]])
    }

    @Test(arguments: [CSVWriter.LineEnding.crlf, .lf])
    func roundTrip(lineEnding: CSVWriter.LineEnding) {
        var writer = CSVWriter(header: ["a", "b", "c"], lineEnding: lineEnding)
        awkwardRows.forEach { writer.append($0) }
        let parsed = parseCSV(writer.text)
        #expect(parsed == [["a", "b", "c"]] + awkwardRows)
    }

    @Test(.enabled(if: python3 != nil)) func pythonCSVModuleReadsItBack() throws {
        var writer = CSVWriter(header: ["a", "b", "c"])
        awkwardRows.forEach { writer.append($0) }
        let script = """
            import csv, io, json, sys
            rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")))
            json.dump(rows, sys.stdout)
            """
        let output = try run(python3!, ["-c", script], input: writer.data)
        let rows = try JSONDecoder().decode([[String]].self, from: output)
        #expect(rows == [["a", "b", "c"]] + awkwardRows)
    }
}

let python3: URL? = Programs.onPath("python3")

func run(_ executable: URL, _ arguments: [String], input: Data) throws -> Data {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return output
}
