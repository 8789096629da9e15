import Testing
@testable import ConfDashCore

/// `confdash export` streams its bytes in chunks (`Exporter.write`) instead of building one text
/// (`Exporter.export`). The two must give the same bytes, whatever the chunk size, and every
/// chunk must end where a line ends (standard output makes each chunk safe for the terminal).
@Suite struct ExportStreamTests {
    static func streamed(_ request: ExportRequest, _ format: ExportFormat, chunkSize: Int,
                         concurrency: ExportConcurrency = .automatic) -> (bytes: [UInt8], chunks: [[UInt8]], summary: ExportSummary) {
        var chunks: [[UInt8]] = []
        let summary = Exporter.write(request, as: format, chunkSize: chunkSize, concurrency: concurrency) { chunks.append(Array($0)) }
        return (chunks.flatMap { $0 }, chunks, summary)
    }

    static func expectSameAsWhole(_ request: ExportRequest, _ name: String) {
        for format in ExportFormat.allCases {
            let whole = Exporter.export(request, as: format)
            for chunkSize in [1, 4096, 1 << 20] {
                let streamed = Self.streamed(request, format, chunkSize: chunkSize)
                #expect(streamed.bytes == Array(whole.text.utf8), "\(name) \(format) chunk \(chunkSize)")
                #expect(streamed.summary.notes == whole.notes, "\(name) \(format)")
                #expect(streamed.summary.exportedSessions == whole.exportedSessions, "\(name) \(format)")
                #expect(streamed.chunks.allSatisfy { $0.last == 0x0A }, "\(name) \(format): a chunk ends inside a line")
                // On several threads a batch is spliced in at once (handed on session by session
                // once a chunk is full); one thread flushes per line.
                if chunkSize == 1 && whole.exportedSessions > 1 {
                    #expect(Self.streamed(request, format, chunkSize: 1, concurrency: .serial).chunks.count > 1, "\(name) \(format): not streamed")
                }
            }
        }
    }

    @Test func fixtureStreamsAsTheWholeText() {
        Self.expectSameAsWhole(ExportFixture.request(), "fixture")
        Self.expectSameAsWhole(ExportFixture.request(language: .fr), "fixture fr")
        Self.expectSameAsWhole(ExportFixture.request(ExportFixture.clockChanges), "clock changes")
    }

    @Test func bundledDataStreamsAsTheWholeText() {
        Self.expectSameAsWhole(ExportRequest(index: Bundled.index, language: .en, generatorVersion: "test"), "bundled")
        Self.expectSameAsWhole(ExportRequest(index: Bundled.index, language: .fr, generatorVersion: "test"), "bundled fr")
    }

    @Test func realScheduleStreamsAsTheWholeText() throws {
        guard let loaded = try RealSchedules.load("38c3-schedule.xml") else { return }
        let dataset = try #require(loaded.dataset)
        Self.expectSameAsWhole(ExportRequest(index: DatasetIndex(dataset), language: .en, generatorVersion: "test"), "38C3")
    }

    /// Sessions rendered by several workers in batches (`ExportItems`) give the bytes and notes of
    /// one thread, at awkward batch sizes (1, 3, 64: batches ending inside a room, a day or an
    /// event, a batch of one) and chunk sizes, on two and three workers.
    static func expectSameOnSeveralThreads(_ request: ExportRequest, _ name: String) {
        for format in ExportFormat.allCases {
            let serial = Exporter.export(request, as: format, concurrency: .serial)
            for (workers, batch) in [(2, 1), (2, 3), (3, 64), (2, 4096)] {
                let concurrency = ExportConcurrency(workers: workers, batchSize: batch, minimumSessions: 0)
                let whole = Exporter.export(request, as: format, concurrency: concurrency)
                #expect(whole.text == serial.text, "\(name) \(format) \(workers) workers, batches of \(batch)")
                #expect(whole.notes == serial.notes, "\(name) \(format) \(workers) workers, batches of \(batch)")
                for chunkSize in [1, 4096] {
                    var chunks: [[UInt8]] = []
                    let summary = Exporter.write(request, as: format, chunkSize: chunkSize, concurrency: concurrency) { chunks.append(Array($0)) }
                    #expect(chunks.flatMap { $0 } == Array(serial.text.utf8), "\(name) \(format) \(workers)/\(batch)/\(chunkSize)")
                    #expect(summary.notes == serial.notes && summary.exportedSessions == serial.exportedSessions, "\(name) \(format)")
                    #expect(chunks.allSatisfy { $0.last == 0x0A }, "\(name) \(format): a chunk ends inside a line")
                }
            }
        }
    }

    @Test func severalThreadsGiveTheBytesOfOne() throws {
        Self.expectSameOnSeveralThreads(ExportFixture.request(), "fixture")
        Self.expectSameOnSeveralThreads(ExportFixture.request(language: .fr), "fixture fr")
        Self.expectSameOnSeveralThreads(ExportFixture.request(ExportFixture.clockChanges), "clock changes")
        Self.expectSameOnSeveralThreads(ExportFixture.request(ExportFixture.hostileText), "hostile")
        Self.expectSameOnSeveralThreads(ExportRequest(index: Bundled.index, language: .fr, generatorVersion: "test"), "bundled fr")
        for seed in ExportPropertyTests.seeds.prefix(12) {
            Self.expectSameOnSeveralThreads(ExportPropertyTests.request(seed: seed), "seed \(seed)")
        }
        if let loaded = try RealSchedules.load("38c3-schedule.xml"), let dataset = loaded.dataset {
            Self.expectSameOnSeveralThreads(ExportRequest(index: DatasetIndex(dataset), language: .en, generatorVersion: "test"), "38C3")
        }
    }

    /// Markdown made safe chunk by chunk is the whole text made safe: control characters from the
    /// data, a CR before an LF, and C1 and bidirectional controls on either side of a chunk's end.
    @Test func markdownIsMadeSafePerChunkAsAWhole() {
        let request = ExportFixture.request(ExportFixture.hostileText)
        let whole = Exporter.export(request, as: .md)
        #expect(!whole.text.unicodeScalars.contains { TerminalText.isUnsafe($0) })
        for chunkSize in [1, 2, 64] {
            #expect(Self.streamed(request, .md, chunkSize: chunkSize).bytes == Array(whole.text.utf8))
        }
    }
}

extension ExportFixture {
    /// One event whose texts hold what a terminal must never see, and line breaks of every kind.
    static let hostileText: Dataset = {
        let event = Event(
            id: "hostile", kind: .conference, title: LocalizedText(en: "Hostile \u{1B}[2J text"),
            startDate: date("2025-06-01"), endDate: date("2025-06-01"), timeZone: "Europe/Paris",
            sessions: (0..<6).map { index in
                Session(id: "h\(index)", kind: .talk, title: LocalizedText(en: "Title \(index) \u{9B}31m \u{202E}drowkcab\u{7}"),
                        day: date("2025-06-01"), start: time("2025-06-01T1\(index):00"), durationMinutes: 30,
                        description: LocalizedText(en: "Line\r\nbreak\rcarriage \u{85}next \u{2066}isolate\u{7F} end\r"))
            })
        return Dataset(title: LocalizedText(en: "Hostile"), sources: [], events: [event])
    }()
}
