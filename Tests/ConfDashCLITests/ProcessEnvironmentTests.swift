@testable import ConfDashCLI
import Foundation
import Testing

/// `ProcessEnvironment.current()` must be the dictionary `ProcessInfo.processInfo.environment`
/// makes, odd entries included: commands read LANG, LC_*, TZ, HOME, XDG_*, COLUMNS, NO_COLOR… from it.
@Suite struct ProcessEnvironmentTests {
    /// Foundation's steps for one `environ` entry (swift-foundation's `_ProcessInfo.environment`).
    static func foundationStore(_ entry: [UInt8], in result: inout [String: String]) {
        let text = String(decoding: entry, as: UTF8.self)
        guard let split = text.firstIndex(of: "=") else { return }
        result[String(text[..<split])] = String(text[text.index(after: split)...])
    }

    static func fast(_ entries: [[UInt8]]) -> [String: String] {
        var result: [String: String] = [:]
        for entry in entries {
            let cString = (entry + [0]).map { CChar(bitPattern: $0) }
            cString.withUnsafeBufferPointer { c in
                entry.withUnsafeBufferPointer { ProcessEnvironment.store($0, cString: c.baseAddress!, in: &result) }
            }
        }
        return result
    }

    static func reference(_ entries: [[UInt8]]) -> [String: String] {
        var result: [String: String] = [:]
        for entry in entries { foundationStore(entry, in: &result) }
        return result
    }

    @Test func thisProcessesEnvironmentIsFoundations() {
        #expect(ProcessEnvironment.current() == ProcessInfo.processInfo.environment)
    }

    @Test func oddEntriesAreStoredAsFoundationStoresThem() {
        let texts: [String] = [
            "HOME=/home/someone", "LANG=fr_FR.UTF-8", "EMPTY=", "=no-name", "NOEQUALS", "", "A==b", "TZ=Asia/Tokyo=x",
            "LANG=en_US.UTF-8", "COLUMNS=70", "COLUMNS=45",                      // a later entry replaces an earlier one
            "CR=\r\n=x", "TAB\t=1", "CTRL\u{1}=\u{7f}",
            "COLUMNS=\u{301}=50", "TZ=\u{301}Europe/Paris", "NO_COLOR=\u{200D}",   // `=` joined by a mark: not split there
            "\u{212A}EY=kelvin", "KEY=plain", "LAN\u{301}G=fr", "CAF\u{E9}=1", "CAFE\u{301}=2",
            "X=\u{1F600}", "\u{600}=prepend", "NAME\u{600}=x", "Y=\u{300}",
        ]
        var entries = texts.map { Array($0.utf8) }
        entries += [[0x4C, 0x41, 0x4E, 0x47, 0x3D, 0x66, 0x72, 0xFF, 0xFE],      // LANG=fr + invalid UTF-8
                    [0xC3, 0x28, 0x3D, 0x31], [0x5A, 0x3D, 0xE2, 0x82]]          // invalid name, truncated value
        #expect(Self.fast(entries) == Self.reference(entries))
        // Each alone and in both orders, so replacements are compared too.
        for entry in entries { #expect(Self.fast([entry]) == Self.reference([entry]), "\(entry)") }
        #expect(Self.fast(entries.reversed()) == Self.reference(entries.reversed()))
    }

    @Test func randomASCIIEntriesSplitAtTheFirstEqualsSign() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("AZ_az09=\r\n\t \u{1}\u{7f}/.:".utf8)
        for _ in 0..<2_000 {
            let entry = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(Self.fast([entry]) == Self.reference([entry]), "\(entry)")
        }
    }
}
