import ConfDashCore
import ConfDashScreen

/// A screen as text followed by a styles section: one letter per cell naming its style, and a
/// legend. A golden with this section fails when a highlight is lost (a selection, a filter
/// chip, a focused frame), which the text alone cannot show.
enum StyleSection {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    static func render(_ grid: CellGrid) -> String {
        var names: [Style: Character] = [:]
        var legend: [String] = []
        var rows: [String] = []
        for y in 0..<grid.size.height {
            var row = ""
            for x in 0..<grid.size.width {
                let style = grid[x, y].style
                if names[style] == nil {
                    let letter = names.count < letters.count ? letters[names.count] : "?"
                    names[style] = letter
                    legend.append("\(letter) = \(describe(style))")
                }
                row.append(names[style]!)
            }
            rows.append(row)
        }
        return grid.textLines().joined(separator: "\n") + "\n--- styles ---\n" + legend.joined(separator: "\n") + "\n"
            + rows.joined(separator: "\n") + "\n"
    }

    static func describe(_ style: Style) -> String {
        var attributes: [String] = []
        let names: [(TextAttributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline"), (.italic, "italic")]
        for (attribute, name) in names where style.attributes.contains(attribute) { attributes.append(name) }
        return "fg \(describe(style.foreground)), bg \(describe(style.background))"
            + (attributes.isEmpty ? "" : ", " + attributes.joined(separator: " "))
    }

    static func describe(_ color: TerminalColor) -> String {
        switch color {
        case .default: return "default"
        case .ansi(let index, let bright): return "ansi \(index)" + (bright ? " bright" : "")
        case .rgb(let r, let g, let b): return "rgb " + [r, g, b].map { String($0, radix: 16) }.joined(separator: " ")
        }
    }
}
