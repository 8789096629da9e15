import Foundation
import Testing
@testable import ConfDashUI

/// WCAG contrast of the status bar's colours, with the ANSI colours as xterm's default palette
/// draws them (the common reference) and true colours as they are.
@Suite struct ThemeContrastTests {
    static func rgb(_ color: TerminalColor, isBackground: Bool) -> (Double, Double, Double) {
        let xterm: [(Double, Double, Double)] = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
                                                  (0, 205, 205), (229, 229, 229)]
        let bright: [(Double, Double, Double)] = [(127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
                                                   (255, 0, 255), (0, 255, 255), (255, 255, 255)]
        switch color {
        case .default: return isBackground ? (255, 255, 255) : (0, 0, 0)  // a light theme's terminal
        case .ansi(let index, let isBright): return (isBright ? bright : xterm)[Int(index)]
        case .rgb(let r, let g, let b): return (Double(r), Double(g), Double(b))
        }
    }

    static func luminance(_ color: (Double, Double, Double)) -> Double {
        func channel(_ value: Double) -> Double {
            let c = value / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(color.0) + 0.7152 * channel(color.1) + 0.0722 * channel(color.2)
    }

    static func contrast(_ style: Style) -> Double {
        let a = luminance(rgb(style.foreground, isBackground: false)), b = luminance(rgb(style.background, isBackground: true))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    @Test("light theme: status bar text, keys and filter chips have a contrast ratio of at least 4.5")
    func lightStatusBar() {
        for (name, style) in [("statusBar", Theme.light.statusBar), ("statusKey", Theme.light.statusKey), ("filter", Theme.light.filter)] {
            #expect(Self.contrast(style) >= 4.5, "\(name): \(Self.contrast(style))")
        }
    }
}
