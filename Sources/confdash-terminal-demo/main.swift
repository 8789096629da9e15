// A trivial program on the real terminal backend, for the end-to-end tests: it shows the size,
// the colours and the last key, and misbehaves on request so that the tests can watch the
// terminal come back: `!` fatalError, `S` a segmentation fault, `R` a stack overflow, `x` exit(3),
// `e` a line on stderr. `q` quits.
import ConfDashTerminal
import ConfDashScreen
import Foundation

@MainActor
final class DemoProgram: InteractiveProgram {
    var size = Size(width: 0, height: 0)
    var colors = ColorCapability.none
    var lastKey = "none"
    var keyCount = 0
    var resizes = 0

    func resize(to size: Size) {
        self.size = size
        resizes += 1
    }

    func handle(_ key: Key) -> Bool {
        keyCount += 1
        lastKey = key.description
        switch key {
        case .character("q"): return false
        case .character("!"): fatalError("demo crash on request")
        case .character("S"):
            let address = UnsafeMutablePointer<Int>(bitPattern: 8)!
            address.pointee = 1
        case .character("R"): keyCount += recurse(keyCount)
        case .character("x"): exit(3)
        case .character("e"): FileHandle.standardError.write(Data("demo: a line written to stderr\n".utf8))
        default: break
        }
        return true
    }

    /// Unbounded recursion: a stack overflow.
    func recurse(_ depth: Int) -> Int {
        guard depth >= 0 else { return 0 }  // never: keeps the compiler from calling it infinite
        var frame = [depth, depth + 1, depth + 2]
        frame[0] = recurse(depth + 1)
        return frame.reduce(0, +)
    }

    func render() -> CellGrid {
        var grid = CellGrid(size: size)
        let bold = Style(attributes: .bold)
        grid.write("terminal demo \(size.width)x\(size.height) colors=\(colors)", x: 0, y: 0, style: bold)
        grid.write("last key: \(lastKey)", x: 0, y: 1)
        grid.write("keys: \(keyCount) resizes: \(resizes)", x: 0, y: 2)
        grid.write("text: café e\u{301}t\u{E9} 日本語 naïve", x: 0, y: 3)
        var x = 0
        for index in 0..<8 {
            let plain = Style(foreground: .ansi(UInt8(index), bright: false))
            let bright = Style(background: .ansi(UInt8(index), bright: true))
            x += grid.write("c\(index)", x: x, y: 4, style: plain)
            x += grid.write("b\(index)", x: x, y: 4, style: bright)
        }
        grid.write(" rgb ", x: x, y: 4, style: Style(foreground: .white, background: .rgb(0x1F, 0x6F, 0xB4)))
        grid.write("dim", x: 0, y: 5, style: Style(attributes: .dim))
        grid.write("reverse", x: 4, y: 5, style: Style(attributes: .reverse))
        grid.write("underline", x: 12, y: 5, style: Style(attributes: .underline))
        grid.write("italic", x: 22, y: 5, style: Style(attributes: .italic))
        grid.write("q quit  ! crash  S segfault  x exit(3)  e stderr", x: 0, y: size.height - 1, style: Style(attributes: .reverse))
        return grid
    }
}

let program = DemoProgram()
var options = TerminalOptions()
options.onStart = { info in program.colors = info.colors }
exit(TerminalRunner.run(program, options: options))
