import Testing
@testable import ConfDashCore

/// `ProblemPath.element` writes `base[index]` byte by byte (it is made once per session); it must
/// be what the interpolation it replaces gave, for every base and every Int.
@Suite("Problem paths: elements")
struct ProblemPathTests {
    @Test(arguments: ["", "events", "schedule.conference.days[3].rooms[\"Saal 1\"]", "/schedule/day[1]/room[2]/event",
                      "Größe 網絡 🎉", String(repeating: "long.", count: 200)])
    func elementIsTheInterpolation(_ base: String) {
        for index in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, Int(Int32.max) + 1] {
            #expect(ProblemPath.element(base, index) == "\(base)[\(index)]")
        }
    }
}
