import Foundation
import Testing
@testable import ConfDashCore

@Suite("JSON parser")
struct JSONParserTests {
    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        if case let .failure(error) = JSONParser.parse(text) { return error }
        return nil
    }

    private func syntaxError(bytes: [UInt8]) -> JSONSyntaxError? {
        if case let .failure(error) = JSONParser.parse(bytes: bytes) { return error }
        return nil
    }

    @Test("syntax errors carry the line and column of the offending character", arguments: [
        // (text, line, column, message substring)
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after object member, found '\"'"),
        ("[1, 2\n, 3 4]", 2, 5, "expected ',' or ']' after array element, found '4'"),
        ("{\"a\" 1}", 1, 6, "expected ':' after member name"),
        ("{\"a\": 1,}", 1, 9, "trailing comma before '}'"),
        ("[1,\n  ]", 2, 3, "trailing comma before ']'"),
        ("{\n  \"name\": \"abc\n}", 2, 11, "unterminated string"),
        ("\"abc", 1, 1, "unterminated string"),
        ("[\"a\\qb\"]", 1, 4, "invalid escape '\\q'"),
        ("[\"\\u12G4\"]", 1, 3, "expected 4 hex digits"),
        ("[\"\\uD83D x\"]", 1, 3, "unpaired UTF-16 surrogate \\uD83D"),
        ("[\"\\uDE00\"]", 1, 3, "unpaired UTF-16 surrogate \\uDE00"),
        ("{\"a\": 1} x", 1, 10, "unexpected 'x' after the end of the JSON value"),
        ("{\"a\": 1}\n{}", 2, 1, "after the end of the JSON value"),
        ("[01]", 1, 3, "leading zeros are not allowed"),
        ("[1.]", 1, 4, "expected a digit after '.'"),
        ("[-]", 1, 3, "expected a digit after '-'"),
        ("[1e+]", 1, 5, "expected a digit in the exponent"),
        ("[tru]", 1, 2, "expected a value, found 'tru'"),
        ("{'a': 1}", 1, 2, "JSON strings use double quotes"),
        ("// hi\n{}", 1, 1, "JSON has no comments"),
        ("[1, 2", 1, 6, "found end of file"),
        ("{\"a\":", 1, 6, "unexpected end of file, expected a value"),
        ("[\"tab\there\"]", 1, 6, "control character U+0009 must be escaped"),
        ("{\"é\": [1 2]}", 1, 10, "expected ',' or ']'"),
        ("{\"a\":\u{00A0}1}", 1, 6, "expected a value, found U+00A0"),
    ])
    func syntaxErrors(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.message.contains(message), "\(error)")
        #expect(error.line == line && error.column == column, "\(error)")
    }

    @Test func syntaxErrorsGiveTheEnclosingPath() throws {
        let error = try #require(syntaxError("{\"events\": [{\"id\": \"a\"}, {\"sessions\": [{\"id\" 1}]}]}"))
        #expect(error.path == "events[1].sessions[0]")
        #expect(error.message.contains("expected ':'"))
    }

    @Test func emptyFile() throws {
        for text in ["", "  \n\t "] {
            let error = try #require(syntaxError(text))
            #expect(error.message.contains("empty file"))
        }
        let result = DatasetLoader.load(json: "", name: "empty.json")
        #expect(result.dataset == nil)
        #expect(result.problems.map(\.description) == ["empty.json:1:1: error: empty file: expected a JSON value"])
    }

    @Test func invalidUTF8ReportsTheByteOffset() throws {
        // "é" in Latin-1 on the third line.
        let bytes = Array("{\n  \"a\":\n  \"caf".utf8) + [0xE9] + Array("\"\n}".utf8)
        let error = try #require(syntaxError(bytes: bytes))
        #expect(error.message.contains("invalid UTF-8 at byte offset 15 (byte 0xE9)"), "\(error)")
        #expect(error.line == 3 && error.column == 7)

        let result = DatasetLoader.load(data: Data(bytes), name: "latin1.json")
        #expect(result.dataset == nil)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.line == 3)

        // Overlong forms, surrogates and truncated sequences are not UTF-8 either.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]] {
            let error = try #require(syntaxError(bytes: Array("[\"".utf8) + bad + Array("\"]".utf8)))
            #expect(error.message.contains("invalid UTF-8 at byte offset 2"), "\(bad): \(error)")
        }
        #expect(syntaxError(bytes: [0xFF, 0xFE, 0x7B, 0x00])?.message.contains("UTF-16") == true)
    }

    @Test func deepNestingIsRefusedWithoutCrashing() throws {
        let limit = JSONParser.maximumDepth
        let atLimit = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(syntaxError(atLimit) == nil)

        let tooDeep = String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)
        let error = try #require(syntaxError(tooDeep))
        #expect(error.message.contains("nesting is deeper than 512 levels"))
        #expect(error.line == 1 && error.column == limit + 1)

        // Far beyond any stack: still a plain error.
        let huge = String(repeating: "{\"a\":[", count: 100_000)
        #expect(syntaxError(huge)?.message.contains("nesting") == true)
        let result = DatasetLoader.load(json: huge, name: "deep.json")
        #expect(result.problems.count == 1 && result.dataset == nil)
    }

    @Test func stringsDecodeEveryEscape() throws {
        let text = #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "plain é 中 😀", "\u0000"]"#
        guard case let .success(value) = JSONParser.parse(text), case let .array(items) = value.content else {
            Issue.record("did not parse")
            return
        }
        #expect(items.map(\.stringValue) == ["a\"b\\c/d\u{08}\u{0C}\n\r\t", "é中😀", "plain é 中 😀", "\u{0}"])
    }

    @Test func valuesKnowTheirPositionsAndObjectsKeepOrder() throws {
        let text = "\u{FEFF}{\n  \"zé\": [true, null],\n\t\"a\": -1.5e3, \"b\": \"x\"\n}"
        guard case let .success(value) = JSONParser.parse(text), case let .object(members) = value.content else {
            Issue.record("did not parse")
            return
        }
        #expect(value.position == JSONPosition(line: 1, column: 1))
        #expect(members.map(\.key) == ["zé", "a", "b"])
        #expect(members.map(\.keyPosition) == [JSONPosition(line: 2, column: 3), JSONPosition(line: 3, column: 2),
                                               JSONPosition(line: 3, column: 15)])
        #expect(members[0].value.position == JSONPosition(line: 2, column: 9))
        if case let .array(items) = members[0].value.content {
            #expect(items.map(\.position.column) == [10, 16])
        }
        if case let .number(text) = members[1].value.content { #expect(text == "-1.5e3") } else { Issue.record("not a number") }
    }

    @Test func duplicateKeysAreReported() throws {
        let json = try LoaderFixture.valid(replacing: #""id": "s1", "kind": "seed""#, with: #""id": "s1", "kind": "seed", "id": "s2""#)
        expectProblem(in: json, path: "sources[0].id", message: "duplicate key \"id\" (first at line 6", at: #""id": "s2""#)
    }
}
