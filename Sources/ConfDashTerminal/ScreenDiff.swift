import ConfDashScreen

/// Text to put at one position in one style: the unit the backend sends to curses.
public struct DrawRun: Equatable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var text: String
    public var style: Style

    public init(x: Int, y: Int, text: String, style: Style) {
        self.x = x; self.y = y; self.text = text; self.style = style
    }
    public var description: String { "(\(x),\(y)) \"\(text)\"" }
}

/// What must be sent to turn the screen showing `old` into one showing `new`.
public enum ScreenDiff {
    /// The changed cells of `new` as runs: consecutive changed cells of one row in one style,
    /// joined into one string. With no `old` (first frame, after a resize or when sizes
    /// differ) every cell counts as changed.
    ///
    /// - Continuation cells (the right half of a wide grapheme) are never sent: curses fills
    ///   them when it draws the wide grapheme. They neither start nor break a run.
    /// - A run ends after a grapheme whose width curses might count differently from the grid
    ///   (a double-width one, or one made of several scalars: combining marks, emoji
    ///   sequences), so the next run is positioned explicitly and an error cannot shift the
    ///   rest of the row.
    public static func runs(from old: CellGrid?, to new: CellGrid) -> [DrawRun] {
        let old = old?.size == new.size ? old?.cells : nil
        let cells = new.cells
        let width = new.size.width
        var runs: [DrawRun] = []
        // The run being built: where it starts and its style, its text as UTF-8 bytes (a String
        // grown by `+=` per cell, and each grapheme's scalars counted, cost the first frame
        // ~2 M instructions of its 3.3 M at 120x40).
        var current: (x: Int, style: Style)?
        var text: [UInt8] = []
        for y in 0..<new.size.height {
            let rowStart = y * width
            if let old, old[rowStart..<rowStart + width] == cells[rowStart..<rowStart + width] { continue }
            func endRun() {
                guard let run = current else { return }
                runs.append(DrawRun(x: run.x, y: y, text: String(decoding: text, as: UTF8.self), style: run.style))
                current = nil
                text.removeAll(keepingCapacity: true)
            }
            var nextColumn = -1  // the column right after `current`, where it may continue
            for x in 0..<width {
                let cell = cells[rowStart + x]
                if cell.isContinuation { continue }
                if let old, old[rowStart + x] == cell {
                    endRun()
                    continue
                }
                if current == nil || nextColumn != x || current!.style != cell.style {
                    endRun()
                    current = (x, cell.style)
                }
                // A one-byte grapheme (ASCII, most cells) appended as a byte: the copy and
                // `withUTF8` of each cell's string were most of the first frame's diff (issue 13).
                let utf8 = cell.grapheme.utf8
                let severalScalars: Bool
                if utf8.count == 1, let byte = utf8.first {
                    text.append(byte)
                    severalScalars = false
                } else {
                    var grapheme = cell.grapheme
                    severalScalars = grapheme.withUTF8 { bytes in
                        text.append(contentsOf: bytes)
                        return bytes.count > Self.firstScalarLength(bytes[0])
                    }
                }
                let wide = x + 1 < width && cells[rowStart + x + 1].isContinuation
                nextColumn = x + (wide ? 2 : 1)
                if wide || severalScalars { endRun() }
            }
            endRun()
        }
        return runs
    }

    /// The length in bytes of the UTF-8 scalar that `lead` starts (the text is valid UTF-8).
    @inline(__always)
    private static func firstScalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
