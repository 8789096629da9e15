import ConfDashCore
import Foundation

/// My agenda as rows to draw and move over: a heading per event and day, the starred sessions,
/// and the free gaps between them. Sessions and gaps can be selected. Rows are kept as places
/// in `agenda` and made into items (a heading's text, a session with its event) only when asked:
/// a frame asks for the rows on screen.
public struct MineRows: Sendable {
    public enum Item: Sendable {
        case heading(String)
        case session(Session, Event)
        case gap(MyAgenda.Gap, Event)
    }

    /// A row: a group's heading (`row` nil) or a row of the group.
    private struct Place: Sendable {
        var group: Int
        var row: Int?
    }

    private var places: [Place]
    private let language: Language
    /// Indices of rows the cursor can be on.
    public var selectable: [Int]
    public var agenda: MyAgenda
    public var count: Int { places.count }
    public var isEmpty: Bool { places.isEmpty }

    struct Key: Equatable, Sendable {
        var starred: Set<SessionAddress>
        var language: Language
    }

    init(data: DashboardData, starred: Set<SessionAddress>, language: Language) {
        agenda = MyAgenda(index: data.index, starred: starred, positions: data.sessionPositions.value)
        self.language = language
        var places: [Place] = []
        var selectable: [Int] = []
        places.reserveCapacity(agenda.sessionCount * 3 / 2 + agenda.groups.count)
        for (group, content) in agenda.groups.enumerated() {
            places.append(Place(group: group, row: nil))
            for row in content.rows.indices {
                selectable.append(places.count)
                places.append(Place(group: group, row: row))
            }
        }
        self.places = places
        self.selectable = selectable
    }

    /// The row at `index` (0 ..< count).
    public func item(atRow index: Int) -> Item {
        let place = places[index]
        let group = agenda.groups[place.group]
        guard let row = place.row else { return .heading(Self.heading(group, language)) }
        switch group.rows[row] {
        case .session(let session): return .session(session, group.event)
        case .gap(let gap): return .gap(gap, group.event)
        }
    }

    /// Every row, in order.
    public var items: [Item] { places.indices.map(item(atRow:)) }

    public func item(at cursor: Int) -> Item? {
        cursor >= 0 && cursor < selectable.count ? item(atRow: selectable[cursor]) : nil
    }

    static func heading(_ group: MyAgenda.Group, _ language: Language) -> String {
        let event = group.event
        var heading = UIText.eventName(event, language)
        switch group.slot {
        case .day(let date):
            heading += " · " + Labels(language).dayOf(event.dayIndex(of: date) ?? 0, event.dayCount) + " · " + DateLabels.long(date, language)
        case .possibleDays(let range):
            heading += " · " + DateLabels.range(range.from, range.to, language)
        case .unplaced:
            heading += " · " + UIText(language).dayNotStated
        }
        return heading
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
        if let rows = mineCache.cached(for: key) { return rows.agenda.overlaps(of: address) }
        return MyAgenda.overlaps(of: address, index: index, starred: state.personal.starred)
    }

    /// The session and event at an address.
    public func session(at address: SessionAddress) -> (Session, Event)? {
        guard let event = index.eventsByID[address.event] else { return nil }
        // By position when the event lists each id once (a scan of the event otherwise).
        if let position = sessionPositions.value.position(of: address), position < event.sessions.count {
            return (event.sessions[position], event)
        }
        guard let session = event.sessions.first(where: { $0.id == address.session }) else { return nil }
        return (session, event)
    }
}
