import ConfDashTestSupport
import Testing
@testable import ConfDashCore

/// The pieces of session building that keep a large schedule's memory down (issue 13): entries
/// held in pieces and let go one by one, one table for the session ids and their first lines,
/// and strings given storage of their own. Each must give what the plain form it replaced gives.
@Suite("Import: session building in little memory")
struct AssemblyMemoryTests {
    private func entry(_ index: Int) -> ImportedEntry {
        var entry = ImportedEntry(position: JSONPosition(line: index + 1, column: 1), path: "/e[\(index)]")
        entry.title = "Session number \(index), with a title long enough to be stored apart"
        entry.texts = index % 3 == 0 ? [] : ["text \(index)", "<p>more &amp; \(index)</p>"]
        entry.tracks = ["Track \(index % 7)"]
        return entry
    }

    /// Appended, mapped in batches and taken in order, in either kind of piece, entries come back
    /// as they went in, across every batch boundary.
    @Test func entriesComeBackInOrder() {
        for inBatches in [false, true] {
            for count in [0, 1, 2, ImportedEntries.batchSize - 1, ImportedEntries.batchSize, ImportedEntries.batchSize + 1, 9_000] {
                let made = (0..<count).map(entry)
                var entries = ImportedEntries(inBatches: inBatches)
                if count % 2 == 0 { entries.reserveCapacity(count) }
                for item in made { entries.append(item) }
                #expect(entries.count == count)
                var seen: [String] = []
                entries.forEach { seen.append($0.path) }
                #expect(seen == made.map(\.path), "\(count) entries, in batches: \(inBatches)")
                var batchStart = 0
                while batchStart < count {
                    let batch = batchStart..<min(count, batchStart + ImportedEntries.batchSize)
                    let abstracts = entries.concurrentMap(batch, SessionAssembly.abstract(of:))
                    #expect(abstracts == made[batch].map(SessionAssembly.abstract(of:)))
                    for index in batch {
                        let taken = entries.take(index)
                        #expect(taken.path == made[index].path && taken.title == made[index].title && taken.texts == made[index].texts
                                && taken.tracks == made[index].tracks && taken.position == made[index].position)
                    }
                    batchStart = batch.upperBound
                }
            }
        }
    }

    @Test func appendingArraysKeepsOrder() {
        var entries = ImportedEntries(inBatches: true)
        entries.reserveCapacity(10)
        entries += (0..<3).map(entry)
        entries += []
        entries += (3..<5000).map(entry)
        var seen: [String] = []
        entries.forEach { seen.append($0.path) }
        #expect(seen == (0..<5000).map { "/e[\($0)]" })
    }

    /// The id allocator as it was: a set of the ids handed out, and beside it the line each
    /// session's id was first used at, kept as `SessionAssembly` kept it.
    private struct OldAllocator {
        var used: Set<String> = []
        var nextSuffix: [String: Int] = [:]
        var firstUse: [String: JSONPosition] = [:]

        mutating func claim(_ hint: String?, fallback: String) -> (id: String, renamed: Bool) {
            let base = hint.map(ImportIDs.slug).flatMap { $0.isEmpty ? nil : $0 } ?? fallback
            if used.insert(base).inserted { return (base, false) }
            var number = nextSuffix[base] ?? 2
            while !used.insert("\(base)-\(number)").inserted { number += 1 }
            nextSuffix[base] = number + 1
            return ("\(base)-\(number)", true)
        }

        /// What `SessionAssembly.session` did with an entry's hint: the id, and for a renamed
        /// hint the line of its first use as the warning names it.
        mutating func session(hint: String?, order: Int, position: JSONPosition?) -> (String, Bool, Int?) {
            let (id, renamed) = claim(hint, fallback: "session-\(order + 1)")
            if renamed, let hint { return (id, true, firstUse[ImportIDs.slug(hint)]?.line) }
            if let position { firstUse[id] = position }
            return (id, renamed, nil)
        }
    }

    /// Random hints drawn from a few that collide with each other, with the fallback
    /// `session-N` and with the suffixed ids (`a-2`), with and without positions.
    @Test func idsAndFirstLinesAsBefore() {
        var generator = SeededGenerator(state: 13)
        let hints: [String?] = [nil, nil, "a", "A", "a-2", "a-2-2", "session-1", "session-3", "session-3-2", "b c", "", "-", "Ünï", "x"]
        for run in 0..<200 {
            var old = OldAllocator()
            var new = IDAllocator()
            for order in 0..<(run % 40 + 1) {
                let hint = hints.randomElement(using: &generator)!
                let position = Int.random(in: 0..<4, using: &generator) == 0 ? nil : JSONPosition(line: order * 3 + 1, column: 2)
                let (oldID, oldRenamed, oldLine) = old.session(hint: hint, order: order, position: position)
                let hasHint = hint != nil
                let (id, renamed) = new.claim(hint, fallback: "session-\(order + 1)") { renamed in
                    renamed && hasHint ? nil : position?.line
                }
                let line = renamed && hasHint ? new.line(of: ImportIDs.slug(hint!)) : nil
                #expect(id == oldID && renamed == oldRenamed && line == oldLine, "run \(run), session \(order), hint \(hint ?? "nil")")
            }
        }
    }

    /// A long string shared with an entry gets storage of its own; its text is unchanged.
    @Test func ownStorageCopiesSharedLongStrings() {
        let long = String(repeating: "Straße société 網絡 ", count: 4)
        let kept = long
        let own = SessionAssembly.ownStorage(kept)
        #expect(own == long && own.utf8.elementsEqual(long.utf8))
        var a = own, b = long
        let distinct = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress != y.baseAddress } }
        #expect(distinct)
        for text in ["", "short", "exactly15bytes!", "sixteen bytes ok", String(repeating: "é", count: 30)] {
            #expect(SessionAssembly.ownStorage(text) == text)
        }
    }
}
