import ConfDashCore
import Foundation

/// My agenda as rows to draw and move over: a heading per event and day, the starred sessions,
/// and the free gaps between them. Sessions and gaps can be selected.
public struct MineRows: Sendable {
    public enum Item: Sendable {
        case heading(String)
        case session(Session, Event)
        case gap(MyAgenda.Gap, Event)
    }

    public var items: [Item]
    /// Indices of `items` the cursor can be on.
    public var selectable: [Int]
    public var agenda: MyAgenda
    /// The starred sessions by address: what a row's overlaps name.
    public var sessions: [SessionAddress: Session]

    struct Key: Equatable, Sendable {
        var starred: Set<SessionAddress>
        var language: Language
    }

    init(data: DashboardData, starred: Set<SessionAddress>, language: Language) {
        agenda = MyAgenda(index: data.index, starred: starred)
        let labels = Labels(language)
        var items: [Item] = []
        var selectable: [Int] = []
        var sessions: [SessionAddress: Session] = [:]
        for group in agenda.groups {
            let event = group.event
            var heading = UIText.eventName(event, language)
            switch group.slot {
            case .day(let date):
                heading += " · " + labels.dayOf(event.dayIndex(of: date) ?? 0, event.dayCount) + " · " + DateLabels.long(date, language)
            case .possibleDays(let range):
                heading += " · " + DateLabels.range(range.from, range.to, language)
            case .unplaced:
                heading += " · " + UIText(language).dayNotStated
            }
            items.append(.heading(heading))
            for row in group.rows {
                selectable.append(items.count)
                switch row {
                case .session(let session):
                    items.append(.session(session, event))
                    sessions[SessionAddress(event: event.id, session: session.id)] = session
                case .gap(let gap): items.append(.gap(gap, event))
                }
            }
        }
        self.items = items
        self.selectable = selectable
        self.sessions = sessions
    }

    public func item(at cursor: Int) -> Item? {
        cursor >= 0 && cursor < selectable.count ? items[selectable[cursor]] : nil
    }
}

extension DashboardData {
    public func mineRows(_ state: AppState) -> MineRows {
        let key = MineRows.Key(starred: state.personal.starred, language: state.language)
        return mineCache.value(for: key) { MineRows(data: self, starred: key.starred, language: key.language) }
    }

    /// What the starred session at `address` overlaps, for its details: from My agenda when it
    /// is already laid out for these stars, else for that session alone.
    func overlaps(of address: SessionAddress, _ state: AppState) -> [MyAgenda.Overlap] {
        let key = MineRows.Key(starred: state.personal.starred, language: state.language)
        if let rows = mineCache.cached(for: key) { return rows.agenda.overlaps[address] ?? [] }
        return MyAgenda.overlaps(of: address, index: index, starred: state.personal.starred)
    }

    /// The session and event at an address.
    public func session(at address: SessionAddress) -> (Session, Event)? {
        guard let event = index.eventsByID[address.event], let session = event.sessions.first(where: { $0.id == address.session }) else { return nil }
        return (session, event)
    }
}
