import ConfDashTestSupport
import Foundation
@testable import ConfDashCore

/// A fresh folder under the system's temporary folder, for one test's state files.
func temporaryStateFolder(_ name: String = #function) -> String {
    let path = NSTemporaryDirectory() + "confdash-state-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func ref(_ key: String, title: String? = nil, start: String? = "2024-12-27T11:00", event: String = "test") -> SessionRef {
    SessionRef(key: key, event: event, id: key, title: title ?? "Session \(key)", start: start)
}

/// Session builder for the agenda and now/next tests: `at("11:00", 40)` on 2024-12-27.
func timed(_ id: String, _ time: String?, _ minutes: Int?, room: String? = "saal-1", day: String = "2024-12-27",
           part: Session.PartOfDay? = nil, tracks: [String] = []) -> Session {
    let date = CalendarDate(iso: day)!
    return Session(id: id, kind: .talk, title: LocalizedText(en: "Talk \(id)"), day: date, partOfDay: part,
                   start: time.map { LocalDateTime(date: date, time: ClockTime(text: $0)!) }, durationMinutes: minutes, room: room,
                   tracks: tracks)
}

func congress(_ sessions: [Session], zone: String? = "Europe/Berlin") -> Dataset {
    let event = Event(id: "38c3", kind: .conference, title: LocalizedText(en: "38C3"),
                      startDate: CalendarDate(iso: "2024-12-27")!, endDate: CalendarDate(iso: "2024-12-30")!, timeZone: zone,
                      rooms: [Room(id: "saal-1", name: LocalizedText(en: "Saal 1")), Room(id: "saal-gld", name: LocalizedText(en: "Saal GLD"))],
                      sessions: sessions)
    return Dataset(title: LocalizedText(en: "38C3"), events: [event])
}

/// Runs a program to its end; stdout and stderr together.
func runProgram(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    try Programs.run(URL(fileURLWithPath: path), arguments)
}

/// The built helper executables, next to the test bundle.
func builtProduct(_ name: String) -> String {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path), directory.path != "/" {
        directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent(name).path
}
