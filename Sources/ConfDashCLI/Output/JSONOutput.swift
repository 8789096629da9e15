import ConfDashCore
import Foundation

/// JSON for scripts: keys sorted and pretty-printed, so the same data always gives the same bytes.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding our own plain structs cannot fail; a failure would be a programming error worth seeing.
        guard let data = try? encoder.encode(value), let text = String(data: data, encoding: .utf8) else {
            return "{\"error\": \"could not encode output\"}\n"
        }
        return TerminalText.escapedJSON(text) + "\n"
    }
}
