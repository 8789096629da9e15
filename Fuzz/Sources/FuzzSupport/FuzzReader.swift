import ConfDashCore
import Foundation

/// What each reader target does with one input: the raw bytes, read with the format forced (no
/// guessing, so the target reaches its own reader), then the checks every result must pass.
public enum FuzzReader {
    /// The body of a reader target's `LLVMFuzzerTestOneInput`; `.auto` guesses as `--data` does.
    @discardableResult
    public static func loadAndCheck(_ start: UnsafePointer<UInt8>?, _ count: Int, format: InputFormat) -> LoadResult? {
        guard let start else { return nil }
        let result = DatasetImporter.load(data: Data(bytes: start, count: count), name: "fuzz", format: format)
        FuzzChecks.check(result)
        return result
    }
}
