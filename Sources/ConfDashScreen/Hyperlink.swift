/// A web address drawn over some cells of a row, sent to the terminal as an OSC 8 hyperlink
/// where it supports one (issue 10). Kept beside the cells rather than in each cell, so cells
/// stay small; a later drawing over the cells (an overlay) leaves the link out (`current`).
public struct Hyperlink: Equatable, Hashable, Sendable {
    public var url: String
    public var x: Int
    public var y: Int
    public var width: Int
    /// What the cells showed when the link was added.
    public var text: String

    /// Only `http` and `https`, at most 2,048 bytes, all printable ASCII without spaces: no
    /// byte from the data can end the OSC 8 sequence or reach the terminal as a command.
    /// (An address with other characters is still shown, and `o` / `y` still take it; it is
    /// just not made clickable.)
    public static func isSafe(_ url: String) -> Bool {
        let bytes = url.utf8
        guard bytes.count <= 2048 else { return false }
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return bytes.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}

extension CellGrid {
    /// Marks `width` cells from (x, y) as a link to `url`, if `url` is safe (`Hyperlink.isSafe`)
    /// and the cells are on the grid.
    public mutating func addLink(_ url: String, x: Int, y: Int, width: Int) {
        let clipped = clip(Rect(x: x, y: y, width: width, height: 1))
        guard !clipped.isEmpty, Hyperlink.isSafe(url) else { return }
        links.append(Hyperlink(url: url, x: clipped.x, y: clipped.y, width: clipped.width,
                               text: text(x: clipped.x, y: clipped.y, width: clipped.width)))
    }

    /// The links whose cells still show what they showed when added.
    public var currentLinks: [Hyperlink] {
        links.filter { text(x: $0.x, y: $0.y, width: $0.width) == $0.text }
    }

    /// The link over cell (x, y), if any.
    public func link(atX x: Int, y: Int) -> String? {
        currentLinks.last { $0.y == y && x >= $0.x && x < $0.x + $0.width }?.url
    }

    /// The graphemes of `width` cells of row `y` from `x` (a wide grapheme's right half adds nothing).
    public func text(x: Int, y: Int, width: Int) -> String {
        var result = ""
        for column in x..<x + width { result += self[column, y].grapheme }
        return result
    }
}
