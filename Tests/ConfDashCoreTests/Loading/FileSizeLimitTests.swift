import Foundation
import Testing
@testable import ConfDashCore

/// A file larger than confdash reads is refused before a byte of it is read, by its size
/// (`stat`), with the size in the reason.
@Suite struct FileSizeLimitTests {
    @Test func aFileOverTheLimitIsRefusedByItsSize() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-huge-\(UUID().uuidString).xml")
        // Sparse: the size without the disk space.
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("<schedule>".utf8)))
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(DatasetLoader.maximumFileBytes + 1))
        try handle.close()
        let expected = LoadFailure.unreadable(file: url.relativePath, reason: "it is 200 MB, more than the 200 MB confdash reads")
        #expect(throws: expected) { try DatasetImporter.load(contentsOf: url) }
        #expect(throws: expected) { try DatasetLoader.load(contentsOf: url) }
    }
}
