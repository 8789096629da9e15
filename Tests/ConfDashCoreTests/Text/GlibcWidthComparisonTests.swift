#if canImport(Glibc)
import Glibc
import Testing
import ConfDashCore

/// Our scalar widths against glibc's `wcwidth`, which ncurses uses to place cells on Linux.
///
/// Scalars glibc does not know (-1: unassigned in its Unicode version, controls) and private-use
/// scalars are skipped. Known disagreements are listed with their reason; any other difference fails.
@Suite struct GlibcWidthComparisonTests {
    /// Against glibc 2.36 (Unicode 14.0 data) this is the only difference. The general category
    /// comes from the standard library, whose Unicode version moves with the toolchain; newer
    /// glibc releases move too, so differences from East Asian Width revisions would show here.
    static let knownDisagreements: [ClosedRange<UInt32>: String] = [
        0x1171E...0x1171E: "AHOM CONSONANT SIGN MEDIAL RA became a spacing mark (Mc) in Unicode 16; glibc has Mn",
    ]

    /// Swift's Glibc module leaves out `wcwidth` (it needs _XOPEN_SOURCE), so it is looked up.
    static func libcFunction<F>(_ name: String, as type: F.Type) -> F? {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    @Test func scalarWidthsMatchWcwidth() throws {
        typealias WcwidthFunction = @convention(c) (wchar_t) -> Int32
        typealias VersionFunction = @convention(c) () -> UnsafePointer<CChar>
        let wcwidth = try #require(Self.libcFunction("wcwidth", as: WcwidthFunction.self))
        let version = Self.libcFunction("gnu_get_libc_version", as: VersionFunction.self).map { String(cString: $0()) } ?? "?"
        try #require(setlocale(LC_ALL, "C.UTF-8") != nil, "the C.UTF-8 locale is missing")
        var compared = 0
        var differing: [(UInt32, Int, Int32)] = []
        for value in UInt32(0x20)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            switch scalar.properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            default: break
            }
            let theirs = wcwidth(wchar_t(value))
            guard theirs >= 0 else { continue }
            compared += 1
            let ours = scalar.terminalWidth
            if ours != Int(theirs) { differing.append((value, ours, theirs)) }
        }
        let unexplained = differing.filter { entry in !Self.knownDisagreements.keys.contains { $0.contains(entry.0) } }
        print("wcwidth comparison (glibc \(version)): \(compared) scalars compared, "
              + "\(differing.count) differ, \(unexplained.count) unexplained")
        #expect(compared > 100_000)
        for (value, ours, theirs) in unexplained.prefix(40) {
            Issue.record("U+\(String(value, radix: 16, uppercase: true)): ours \(ours), wcwidth \(theirs)")
        }
    }
}
#endif
