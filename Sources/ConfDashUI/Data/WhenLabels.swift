import ConfDashCore

/// The time column of one list of agenda rows (a day's), each text made once per distinct
/// (start, duration, listed day): what `DashboardData.when` makes of a timed session depends on
/// nothing else. A day of a large congress has thousands of rows in a few dozen slots; working
/// out every row's clock times and text again was a third of a change of day at 100,000
/// sessions. Untimed rows (a part of the day, "time ?") are words, made as before.
/// Make one per list; it is not shared between threads.
final class WhenLabels {
    private struct Key: Hashable {
        var start: LocalDateTime
        var duration: Int?
        var day: CalendarDate?

        /// One word hashed: the synthesised hash combined six values (~700 instructions a look-up,
        /// 0.28 M of the 38C3 first frame's 245 rows, issue 13). Equal keys give equal words.
        func hash(into hasher: inout Hasher) {
            var word = Self.bits(start.date) &<< 11 | start.time.hour &<< 6 | start.time.minute
            word = word &* 31 &+ (duration ?? -1)
            word = word &* 31 &+ (day.map(Self.bits) ?? -1)
            hasher.combine(word)
        }

        private static func bits(_ date: CalendarDate) -> Int { date.year &<< 9 | date.month &<< 5 | date.day }
    }

    private let clock: EventClockTimes
    private let labels: Labels
    private let data: DashboardData
    /// Unchecked: one list's, on one thread (above); no dynamic exclusivity check per row.
    @exclusivity(unchecked) private var known: [Key: (text: String, width: Int)] = [:]

    /// `rows`: about how many rows the list has, to make the table once at a size that fits
    /// their slots (growing it step by step was a fifth of the labels' cost on 38C3).
    init(_ data: DashboardData, clock: EventClockTimes, labels: Labels, rows: Int = 0) {
        self.data = data
        self.clock = clock
        self.labels = labels
        known.reserveCapacity(min(rows, 512))
    }

    /// `DashboardData.when(session, clock, labels)` and its width in columns.
    func label(_ session: Session) -> (text: String, width: Int) {
        guard let start = session.start else { return Self.measured(data.when(session, clock, labels)) }
        let key = Key(start: start, duration: session.checkedDurationMinutes, day: session.day)
        if let label = known[key] { return label }
        let label = Self.measured(data.when(session, clock, labels))
        known[key] = label
        return label
    }

    private static func measured(_ text: String) -> (text: String, width: Int) {
        (text, AgendaRows.narrowWidth(text) ?? text.terminalWidth)
    }
}
