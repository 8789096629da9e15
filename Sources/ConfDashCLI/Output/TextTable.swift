import ConfDashCore

/// Aligned columns for plain-text output, measured in terminal columns so that accents, CJK and
/// emoji line up. Columns are separated by two spaces; lines carry no trailing spaces.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        /// What a column does when the table must be narrowed to fit `maxWidth`.
        public enum Overflow: Sendable {
            /// Keeps its natural width.
            case fixed
            /// Narrows; its cells wrap onto continuation lines.
            case wrap
            /// Narrows; its cells are cut with "…".
            case truncate
        }

        public var header: String
        public var alignment: TextAlignment
        /// The narrowest a `wrap` or `truncate` column gets.
        public var minWidth: Int
        /// The widest a `wrap` or `truncate` column gets, whatever room there is (also in a pipe,
        /// where there is no width to fit): a 120-column title is easier to read on two lines.
        public var maxWidth: Int?
        public var overflow: Overflow

        public init(_ header: String, alignment: TextAlignment = .left, minWidth: Int = 4, maxWidth: Int? = nil,
                    overflow: Overflow = .fixed) {
            self.header = header
            self.alignment = alignment
            let minWidth = max(minWidth, 1)
            self.minWidth = minWidth
            self.maxWidth = maxWidth.map { max($0, minWidth) }
            self.overflow = overflow
        }
    }

    public enum HeaderStyle: Sendable {
        /// A line of `─` under each header, as wide as its column.
        case underlined
        /// Headers alone.
        case plain
        /// No header lines at all.
        case hidden
    }

    public var columns: [Column]
    /// Cells, one per column; missing cells are empty and extra cells are ignored.
    /// A cell may hold line breaks.
    public var rows: [[String]]
    public var headerStyle: HeaderStyle
    public static let separator = "  "

    public init(columns: [Column], rows: [[String]] = [], headerStyle: HeaderStyle = .underlined) {
        self.columns = columns
        self.rows = rows
        self.headerStyle = headerStyle
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by "\n", without a final line break. With `maxWidth`, the `wrap`
    /// and `truncate` columns are narrowed, widest first, until the table fits or they reach their
    /// `minWidth`; lines can still be wider than `maxWidth` when the fixed columns alone are.
    public func render(maxWidth: Int? = nil) -> String {
        guard !columns.isEmpty else { return "" }
        let widths = columnWidths(maxWidth: maxWidth)
        var lines: [String] = []
        if headerStyle != .hidden {
            lines += renderRow(columns.map(\.header), widths: widths)
        }
        if headerStyle == .underlined {
            lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: Self.separator))
        }
        for row in rows {
            lines += renderRow(row, widths: widths)
        }
        return lines.joined(separator: "\n")
    }

    func columnWidths(maxWidth: Int?) -> [Int] {
        var widths = columns.indices.map { index in
            let natural = columnCells(index).map(Self.naturalWidth).max() ?? 0
            guard columns[index].overflow != .fixed, let cap = columns[index].maxWidth else { return natural }
            return min(natural, cap)
        }
        guard let maxWidth else { return widths }
        var excess = widths.reduce(0, +) + Self.separator.count * (widths.count - 1) - maxWidth
        // First narrow wrapping columns only down to their longest word, so that words stay whole;
        // break words (and truncate) only if that is not enough.
        let wordFloors = columns.indices.map { index in
            columns[index].overflow == .wrap ? max(columns[index].minWidth, longestWord(in: index)) : columns[index].minWidth
        }
        for floors in [wordFloors, columns.map(\.minWidth)] {
            while excess > 0 {
                let shrinkable = columns.indices.filter { columns[$0].overflow != .fixed && widths[$0] > floors[$0] }
                guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
        }
        return widths
    }

    private func longestWord(in index: Int) -> Int {
        columnCells(index).flatMap { $0.split(whereSeparator: { $0 == " " || $0.isNewline }) }.map(\.terminalWidth).max() ?? 0
    }

    /// Everything shown in a column: its header (unless hidden) and one cell per row.
    private func columnCells(_ index: Int) -> [String] {
        (headerStyle == .hidden ? [] : [columns[index].header]) + rows.map { cell($0, index) }
    }

    private func cell(_ row: [String], _ index: Int) -> String {
        index < row.count ? row[index] : ""
    }

    private static func naturalWidth(_ text: String) -> Int {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(\.terminalWidth).max() ?? 0
    }

    private func renderRow(_ row: [String], widths: [Int]) -> [String] {
        let cells = columns.indices.map { index in
            lines(of: cell(row, index), column: columns[index], width: widths[index])
        }
        let height = cells.map(\.count).max() ?? 1
        return (0..<height).map { lineIndex in
            let parts = columns.indices.map { index in
                let text = lineIndex < cells[index].count ? cells[index][lineIndex] : ""
                // `fitted` also guards against a wide character wider than a 1-column cell.
                return text.fitted(toWidth: widths[index], alignment: columns[index].alignment, ellipsis: "")
            }
            return trimmingTrailingWhitespace(parts.joined(separator: Self.separator))
        }
    }

    private func lines(of text: String, column: Column, width: Int) -> [String] {
        switch column.overflow {
        case .wrap:
            return text.wrapped(toWidth: width)
        case .truncate, .fixed:
            return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { String($0).truncated(toWidth: width) }
        }
    }

    private func trimmingTrailingWhitespace(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)].isWhitespace {
            end = line.index(before: end)
        }
        return String(line[..<end])
    }
}
