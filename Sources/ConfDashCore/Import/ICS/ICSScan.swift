/// What the first pass over an iCalendar text keeps (`ICSParser.scan`): the calendar without its
/// events, and for each event where its properties are in the file, with what the calendar as a
/// whole needs before any event can be read. VTIMEZONEs may come after the events that use them,
/// so nothing is read as a session until the whole file has been seen once.
struct ICSScan {
    struct Event {
        /// The line and byte offset of its BEGIN:VEVENT.
        var line: Int
        var offset: Int
        /// Its own properties (not those of an alarm inside it), as a range of `propertyOffsets`.
        var properties: Range<Int>
    }

    let lineEnd: UInt8
    /// The calendar: its own properties and its components other than its events.
    var calendar = ICSComponent(name: "VCALENDAR", line: 1)
    var events: [Event] = []
    /// Where each event property's (unfolded) line starts in the file.
    var propertyOffsets: [Int] = []
    /// Each TZID the events' properties name, with the line of the first one naming it.
    var tzidLines: [String: Int] = [:]
    /// Each event's first DTSTART written in a zone, by TZID; whether any is written in UTC.
    var zonedStarts: [String: [LocalDateTime]] = [:]
    var anyUTCStart = false
    /// The occurrences events with a RECURRENCE-ID replace: their UID (as written) and that time.
    var overrides: [(uid: String, time: ICSTime)] = []

    init(lineEnd: UInt8) {
        self.lineEnd = lineEnd
    }

    /// Reads each event again from `bytes` (those `scan` read), one at a time and in order, as a
    /// component holding the properties in `wanted`, until `body` says to stop.
    func forEachEvent(in bytes: [UInt8], wanted: [StaticString], _ body: (_ index: Int, _ vevent: ICSComponent) -> Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            var lines = ICSLines(buffer, lineEnd: lineEnd)
            for (index, event) in events.enumerated() {
                let vevent = ICSComponent(name: "VEVENT", line: event.line)
                vevent.properties.reserveCapacity(event.properties.count)
                var line = event.line
                var counted = event.offset
                for offset in propertyOffsets[event.properties] {
                    line += lines.lineEnds(in: counted..<offset)
                    counted = offset
                    let property = lines.line(at: offset) { bytes -> ICSProperty? in
                        // Every line kept here was read as a content line by the scan.
                        let raw = ICSRawLine(bytes)!
                        return wanted.contains { raw.nameIs($0, in: bytes) } ? raw.property(bytes, line: line) : nil
                    }
                    if let property { vevent.properties.append(property) }
                }
                if !body(index, vevent) { return }
            }
        }
    }
}
