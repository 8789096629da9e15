import ConfDashCore
import Foundation

/// The user's own layer in the dashboard: stars, notes, the clock and the reminders already
/// given. Part of `AppState`, so reducer tests see every change; the store saves each change
/// through an effect and sends back what the file then holds (`Action.personal`).
public struct PersonalView: Equatable, Sendable {
    public var starred: Set<SessionAddress> = []
    public var notes: [SessionAddress: String] = [:]
    /// The clock, in seconds since 1970 UTC, as the store last told it (`Action.tick`); nil
    /// until then. With `--now`, a wall-clock setting fixes it on each event's own clock instead.
    public var now: Int?
    public var nowSetting: NowSetting?
    /// Minutes before a starred session starts that its reminder is given; 0: no reminders.
    public var remindMinutes = 10
    /// Sessions whose reminder was given (once each).
    public var reminded: Set<SessionAddress> = []

    public init() {}

    /// The clock and reminder settings without the stars (for another schedule).
    var clockOnly: PersonalView {
        var view = PersonalView()
        view.now = now; view.nowSetting = nowSetting; view.remindMinutes = remindMinutes
        return view
    }

    /// The time on `event`'s clock, or nil when no clock is known yet.
    /// `localZone` is asked only for an event with no zone of its own.
    public func wallClock(for event: Event, localZone: @autoclosure () -> TimeZone) -> LocalDateTime? {
        if case .eventWallClock(let local)? = nowSetting { return local }
        guard let now else { return nil }
        return NowSetting.instant(seconds: now).wallClock(for: event, localZone: localZone())
    }
}

/// The full-screen lists of the personal layer.
public enum PersonalOverlay: Equatable, Sendable {
    /// My agenda: starred sessions by event and day, with overlaps and free gaps.
    case mine(cursor: Int)
    /// The sessions that fit in a free gap of My agenda (Enter on the gap).
    case gap(MyAgenda.Gap, cursor: Int, mineCursor: Int)
    /// What runs now and next in the selected event, room by room.
    case nowNext
}
