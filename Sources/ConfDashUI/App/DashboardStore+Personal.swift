import ConfDashCore
import ConfDashScreen
import Foundation

extension DashboardStore {
    /// Uses `file` for stars and notes: its stars appear at once; what was wrong with it is said.
    public func attach(_ file: PersonalFile) {
        // The writer's outcomes come back through the inbox, to be applied on this thread.
        let inbox = live.inbox, id = ObjectIdentifier(file)
        file.outcomeSink = { outcome in inbox.post(.saved(outcome, file: id)) }
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
        send(.openOnToday)
    }

    /// Saves one change (or hands it to the writer); a failure is said on the status line and
    /// the stars in memory stay.
    func save(_ address: SessionAddress, _ apply: (inout PersonalState, SessionRef, Int64) -> Void) {
        guard let personal else { return }
        follow(personal.change(address, apply))
    }

    /// A background save finished: other programs' stars join ours, a failure is said. Outcomes
    /// of a file since replaced (`:open`, a reload) are only said when they failed.
    func personalSaved(_ outcome: StateWriter.Outcome, file: ObjectIdentifier) {
        guard let personal, ObjectIdentifier(personal) == file else {
            if case .failed(let error) = outcome { send(.personalError(error.message)) }
            return
        }
        follow(personal.adopt(outcome))
    }

    private func follow(_ follow: PersonalFile.Follow) {
        switch follow {
        case .none: break
        case .view: if let personal { send(personal.view) }
        case .message(let message):
            if let personal { send(personal.view) }
            send(.personalError(message))
        }
    }

    /// Before the program ends: every save handed to the writer is on disk (a failed last one is
    /// tried again). The message to print when stars could not be saved, else nil.
    public func finishSaving() -> String? {
        personal?.finishSaving()
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
