import Testing
@testable import ConfDashCore

/// `ImportedEntries.ahead` works out a batch's abstracts on another thread while the caller takes
/// the batch before it (issue 13, round 11): the results must be `map`'s, in order, and taking
/// the earlier batch meanwhile must not disturb the entries read. Entries in batch-sized pieces
/// (iCalendar) are mapped on the calling thread, as before, with the same results.
@Suite("Import: a batch's texts worked out ahead")
struct AssemblyAheadTests {
    private static func texts(_ index: Int) -> [String] {
        ["<p>Abstract \(index) &amp; more</p>", "Description \(index % 7)", "Abstract \(index) & more"]
    }

    private static func entries(_ count: Int, inBatches: Bool) -> ImportedEntries {
        var entries = ImportedEntries(inBatches: inBatches)
        entries.reserveCapacity(count)
        for index in 0..<count {
            var entry = ImportedEntry(path: "/e[\(index)]")
            entry.title = "Session \(index)"
            entry.texts = texts(index)
            entries.append(entry)
        }
        return entries
    }

    @Test(arguments: [false, true])
    func resultsAreMapsInOrder(inBatches: Bool) {
        let count = 3 * ImportedEntries.batchSize + 17
        var entries = Self.entries(count, inBatches: inBatches)
        let expected = (0..<count).map { index in
            var entry = ImportedEntry(path: "")
            entry.texts = Self.texts(index)
            return SessionAssembly.abstractTexts(of: entry)
        }
        var start = 0, mismatches = 0
        var current = entries.concurrentMap(0..<ImportedEntries.batchSize, SessionAssembly.abstractTexts(of:))
        while start < count {
            let batch = start..<min(count, start + ImportedEntries.batchSize)
            let next = batch.upperBound..<min(count, batch.upperBound + ImportedEntries.batchSize)
            let ahead = entries.ahead(next, SessionAssembly.abstractTexts(of:))
            for index in batch {
                let entry = entries.take(index)
                // Counted, then checked once: an expectation per entry is slow in a debug build.
                if entry.path != "/e[\(index)]" || current[index - batch.lowerBound] != expected[index] { mismatches += 1 }
            }
            if !next.isEmpty { current = ahead?.results ?? entries.concurrentMap(next, SessionAssembly.abstractTexts(of:)) }
            start = batch.upperBound
        }
        #expect(mismatches == 0)
    }

    @Test func emptyBatchAndBatchPiecesHaveNothingAhead() {
        let entries = Self.entries(10, inBatches: false)
        #expect(entries.ahead(10..<10, SessionAssembly.abstractTexts(of:)) == nil)
        #expect(Self.entries(10, inBatches: true).ahead(0..<10, SessionAssembly.abstractTexts(of:)) == nil)
    }
}
