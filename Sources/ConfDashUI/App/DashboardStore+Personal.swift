import ConfDashCore
import ConfDashScreen
import Foundation

extension DashboardStore {
    /// Uses `file` for stars and notes: its stars appear at once; what was wrong with it is said.
    public func attach(_ file: PersonalFile) {
        personalFile(file)
        send(file.view)
        if let message = file.loadMessages.first { send(.personalError(message)) }
    }

    /// `--now`, `--remind`: the clock and the reminder time, before the first frame.
    public func configureClock(now: NowSetting?, remindMinutes: Int) {
        var state = self.state
        state.personal.nowSetting = now
        state.personal.remindMinutes = remindMinutes
        replaceState(state)
        if case .instant(let seconds)? = now { clock = { seconds } }
        send(.tick(clock()))
    }

    /// Saves one change; a failure is said on the status line and the stars in memory stay.
    func save(_ address: SessionAddress, _ apply: (inout PersonalState, SessionRef, Int64) -> Void) {
        guard let personal else { return }
        if let failure = personal.change(address, apply) {
            send(.personalError(failure))
        } else {
            send(personal.view)
        }
    }

    /// The clock moved on: reminders, the status-bar time. True when the screen must be drawn again.
    func tickClock() -> Bool {
        let now = clock()
        guard now != state.personal.now else { return false }
        let before = state
        send(.tick(now))
        // Redraw only for what shows: the minute in the status bar, a reminder.
        return before.message != state.message || before.personal.now.map { $0 / 60 } != now / 60
    }

    public func takeBell() -> Bool {
        guard bellsPending > 0 else { return false }
        bellsPending -= 1
        return true
    }
}
