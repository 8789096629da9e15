import Foundation
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

    /// `ImportedEntries.shared` (one batch, its texts cleaned by a worker and by the caller as it
    /// asks for them; issue 13, round 14): `map`'s results in order, whoever cleaned each, with
    /// entries taken as their results come; sizes that end mid-chunk, one chunk, one entry.
    @Test(arguments: [1, 7, 8, 9, 1_007, ImportedEntries.batchSize])
    func sharedResultsAreMapsInOrder(count: Int) {
        var entries = Self.entries(count, inBatches: false)
        let expected = (0..<count).map { index in
            var entry = ImportedEntry(path: "")
            entry.texts = Self.texts(index)
            return SessionAssembly.abstractTexts(of: entry)
        }
        guard let shared = entries.shared(0..<count, SessionAssembly.abstractTexts(of:)) else {
            // One core: nothing is shared.
            return
        }
        var mismatches = 0
        for index in 0..<count {
            let texts = shared.result(index)
            let entry = entries.take(index)
            if entry.path != "/e[\(index)]" || texts != expected[index] { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    /// A caller slower than the worker (the worker cleans everything) and one that asks at once
    /// (it cleans most itself) get the same results.
    @Test func sharedResultsWhateverTheTiming() {
        let count = 300
        var entries = Self.entries(count, inBatches: false)
        let expected = (0..<count).map { index in
            var entry = ImportedEntry(path: "")
            entry.texts = Self.texts(index)
            return SessionAssembly.abstractTexts(of: entry)
        }
        guard let shared = entries.shared(0..<count, SessionAssembly.abstractTexts(of:)) else { return }
        var mismatches = 0
        for index in 0..<count {
            if index == 150 { usleep(20_000) }
            let texts = shared.result(index)
            if entries.take(index).path != "/e[\(index)]" || texts != expected[index] { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test func emptyBatchAndBatchPiecesHaveNothingAhead() {
        let entries = Self.entries(10, inBatches: false)
        #expect(entries.ahead(10..<10, SessionAssembly.abstractTexts(of:)) == nil)
        #expect(Self.entries(10, inBatches: true).ahead(0..<10, SessionAssembly.abstractTexts(of:)) == nil)
        #expect(entries.shared(10..<10, SessionAssembly.abstractTexts(of:)) == nil)
        #expect(Self.entries(10, inBatches: true).shared(0..<10, SessionAssembly.abstractTexts(of:)) == nil)
    }
}
