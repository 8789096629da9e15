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
    /// component holding the properties in `wanted`, until `body` says to stop. Takes the bytes
    /// (`bytes` is left empty): an event's lines all come before the next event's BEGIN, so the
    /// pages before the event being read are handed back to the system as the reading goes
    /// (`PassedPages`), and a large file is not held whole while its sessions are made.
    func forEachEvent(taking bytes: inout [UInt8], wanted: [StaticString], _ body: (_ index: Int, _ vevent: ICSComponent) -> Bool) {
        var owned: [UInt8] = []
        swap(&owned, &bytes)
        // A mutable buffer makes the storage this function's alone (copied first if anything else
        // still held it), so no one else can read the pages released.
        owned.withUnsafeMutableBufferPointer { mutable in
            let buffer = UnsafeBufferPointer(mutable)
            var lines = ICSLines(buffer, lineEnd: lineEnd)
            var releasedUpTo = 0
            for (index, event) in events.enumerated() {
                if event.offset - releasedUpTo >= PassedPages.step {
                    PassedPages.release(buffer, from: releasedUpTo, to: event.offset)
                    releasedUpTo = event.offset
                }
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
