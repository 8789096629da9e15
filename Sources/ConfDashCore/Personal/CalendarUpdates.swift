/// What makes a calendar export of the starred sessions an update rather than a copy: the
/// SEQUENCE of each entry (raised when its time, room or title changed since the last export)
/// and the entries to cancel (starred sessions that left the schedule, each cancelled once).
public struct CalendarUpdate: Sendable {
    /// SEQUENCE by UID, for the exported sessions.
    public var sequences: [String: Int] = [:]
    /// The UID written for a session whose UID changed since the last export (its id was
    /// renumbered; the star followed it by guid or by title and start): the old one, so the
    /// calendar updates its entry. Keyed by the UID the session has now.
    public var uids: [String: String] = [:]
    /// Entries to write as STATUS:CANCELLED, with their raised SEQUENCE.
    public var cancelled: [CalendarExportRecord] = []

    public init() {}

    /// The update for exporting `request` (the starred sessions) given the records of the last
    /// export in `state`, and the records to keep for the next one.
    public static func plan(_ request: ExportRequest, state: PersonalState, marks: PersonalIndex) -> (update: CalendarUpdate, records: [String: CalendarExportRecord]) {
        var update = CalendarUpdate()
        var records = state.exports
        let context = ExportContext(request)
        for item in context.sessions {
            let key = marks.key(for: item.session, of: item.event)
            // In the schedule's own words (not the export's language), so only a real change counts.
            let fingerprint = [item.session.title.en ?? item.session.title.fr ?? "", timing(item), item.session.room ?? ""].joined(separator: "|")
            var record = records[key] ?? CalendarExportRecord(key: key, uid: item.uid, sequence: 0, fingerprint: fingerprint,
                                                              title: context.title(item), dtstart: dtstart(item))
            // A session back in the schedule after a cancellation is an update of the cancelled entry.
            if record.fingerprint != fingerprint || record.cancelled {
                record.sequence += 1
                record.fingerprint = fingerprint
                record.cancelled = false
            }
            if record.uid != item.uid { update.uids[item.uid] = record.uid }
            record.title = context.title(item)
            record.dtstart = dtstart(item)
            records[key] = record
            update.sequences[record.uid] = record.sequence
        }
        for mark in marks.vanished {
            guard var record = records[mark.ref.key], !record.cancelled else { continue }
            record.sequence += 1
            record.cancelled = true
            records[mark.ref.key] = record
            update.cancelled.append(record)
        }
        update.cancelled.sort { $0.uid < $1.uid }
        return (update, records)
    }

    /// When, as exported: a change of start, end or day raises SEQUENCE.
    private static func timing(_ item: ExportSession) -> String {
        switch item.timing {
        case .clock(let start, _, _): return "\(start)/\(item.end.map { "\($0)" } ?? "")"
        case .day(let day): return day.iso
        case .possibleDays(let range), .duringEvent(let range): return "\(range.from.iso)/\(range.to.iso)"
        }
    }

    /// DTSTART as an iCalendar value: UTC for zoned times, floating for unzoned, a date otherwise.
    private static func dtstart(_ item: ExportSession) -> String {
        switch item.timing {
        case .clock(let start, _, let zone):
            guard let zone else { return ICSText.dateTime(start) }
            return ICSText.dateTime(LocalDateTime(utcSeconds: zone.utcSeconds(of: start))) + "Z"
        case .day(let day): return ICSText.date(day)
        case .possibleDays(let range), .duringEvent(let range): return ICSText.date(range.from)
        }
    }
}
