import ConfDashScreen
import Testing
@testable import ConfDashTerminal

@Suite struct ColorMappingTests {
    @Test func capabilityFollowsColorCountAndNoColor() {
        #expect(ColorCapability(colors: 0, noColor: false) == .none)
        #expect(ColorCapability(colors: 8, noColor: false) == .basic8)
        #expect(ColorCapability(colors: 16, noColor: false) == .basic16)
        #expect(ColorCapability(colors: 88, noColor: false) == .basic16)
        #expect(ColorCapability(colors: 256, noColor: false) == .palette256)
        #expect(ColorCapability(colors: 16_777_216, noColor: false) == .palette256)
        #expect(ColorCapability(colors: 256, noColor: true) == .none)
    }

    @Test func noColorCountsOnlyWhenNotEmpty() {
        #expect(ColorCapability.noColorRequested(in: ["NO_COLOR": "1"]))
        #expect(!ColorCapability.noColorRequested(in: ["NO_COLOR": ""]))
        #expect(!ColorCapability.noColorRequested(in: [:]))
    }

    @Test func rgbGoesToTheNearestCubeOrGreyEntry() {
        #expect(ColorMapping.palette256(0, 0, 0) == 16)
        #expect(ColorMapping.palette256(255, 255, 255) == 231)
        #expect(ColorMapping.palette256(255, 0, 0) == 196)
        #expect(ColorMapping.palette256(0, 0x87, 0xFF) == 33)   // exactly cube (0, 2, 5)
        #expect(ColorMapping.palette256(0x1F, 0x6F, 0xB4) == 25) // a track blue: cube (0, 1, 3)
        #expect(ColorMapping.palette256(128, 128, 128) == 244)   // grey ramp 8 + 10 * 12
        #expect(ColorMapping.palette256(0x30, 0x30, 0x31) == 236) // near-grey prefers the ramp
        // Channel boundaries sit halfway between cube levels 95 | 135.
        #expect(ColorMapping.nearestCubeLevel(114) == 1)
        #expect(ColorMapping.nearestCubeLevel(115) == 2)
        #expect(ColorMapping.nearestCubeLevel(47) == 0)
        #expect(ColorMapping.nearestCubeLevel(48) == 1)
    }

    @Test func brightAnsiIsHighIndexOnSixteenColoursAndBoldOnEight() {
        let style = Style(foreground: .ansi(2, bright: true), background: .ansi(4, bright: true))
        #expect(ColorMapping.resolve(style, capability: .palette256) == ResolvedStyle(foreground: 10, background: 12, attributes: []))
        #expect(ColorMapping.resolve(style, capability: .basic16) == ResolvedStyle(foreground: 10, background: 12, attributes: []))
        #expect(ColorMapping.resolve(style, capability: .basic8) == ResolvedStyle(foreground: 2, background: 4, attributes: .bold))
    }

    @Test func rgbOnFewColoursUsesTheNearestAnsiColour() {
        let style = Style(foreground: .rgb(0xE0, 0x20, 0x20), background: .rgb(0x10, 0x10, 0x10))
        #expect(ColorMapping.resolve(style, capability: .basic8) == ResolvedStyle(foreground: 1, background: 7, attributes: []))
        #expect(ColorMapping.resolve(style, capability: .basic16).foreground == 1)
        #expect(ColorMapping.resolve(style, capability: .palette256).foreground == 160)
    }

    @Test func withoutColourOnlyAttributesRemainAndColouredBackgroundsTurnReverse() {
        let bar = Style(foreground: .white, background: .blue, attributes: .bold)
        #expect(ColorMapping.resolve(bar, capability: .none) == ResolvedStyle(foreground: -1, background: -1, attributes: [.bold, .reverse]))
        let text = Style(foreground: .red, attributes: .underline)
        #expect(ColorMapping.resolve(text, capability: .none) == ResolvedStyle(foreground: -1, background: -1, attributes: .underline))
    }

    @Test func defaultColoursStayDefaultUnlessTheTerminalCannotKeepThem() {
        let style = Style(foreground: .red)
        #expect(ColorMapping.resolve(style, capability: .basic8) == ResolvedStyle(foreground: 1, background: -1, attributes: []))
        #expect(ColorMapping.resolve(style, capability: .basic8, defaultColors: false)
                == ResolvedStyle(foreground: 1, background: 0, attributes: []))
        #expect(ColorMapping.resolve(.plain, capability: .basic8, defaultColors: false)
                == ResolvedStyle(foreground: 7, background: 0, attributes: []))
    }
}
