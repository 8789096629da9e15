/// A session's place in a dataset: its event and its id.
public struct SessionAddress: Hashable, Sendable, Comparable {
    public var event: String
    public var session: String

    public init(event: String, session: String) { self.event = event; self.session = session }

    public static func < (a: SessionAddress, b: SessionAddress) -> Bool { (a.event, a.session) < (b.event, b.session) }
}

/// The user's marks found in one dataset: which session each mark stands for, matched by the
/// lasting key first (guid, UID, confdash id), then by title and start, so that stars survive a
/// schedule whose ids were renumbered. Marks that match nothing are sessions that left the schedule.
public struct PersonalIndex: Sendable {
    /// Mark key of each session that has a mark (starred, unstarred or with a note).
    public private(set) var keyByAddress: [SessionAddress: String] = [:]
    public private(set) var addressByKey: [String: SessionAddress] = [:]
    /// Starred marks with no session in the dataset.
    public private(set) var vanished: [SessionMark] = []

    public init() {}

    public init(state: PersonalState, dataset: Dataset) {
        guard !state.marks.isEmpty else { return }
        // Only the lasting keys here: folding every title for the title + start match was most of
        // what a state file added to opening, and it is needed only for marks no key finds.
        // Only the sessions some mark's key names are listed: the others are never looked up.
        var byKey: [String: [SessionAddress]] = [:]
        byKey.reserveCapacity(state.marks.count)
        for event in dataset.events {
            // By index: a `for session in` loop copies every session whole.
            for index in event.sessions.indices {
                let key = event.sessions[index].uid ?? event.sessions[index].id
                guard state.marks[key] != nil else { continue }
                byKey[key, default: []].append(SessionAddress(event: event.id, session: event.sessions[index].id))
            }
        }
        // Keys first for every mark, then titles for the rest, so a renumbered session never takes
        // a place a mark with the right key has. A session has one key, so no two marks' keys find
        // the same session: the key pass needs no order. The title pass does (two marks may want
        // one session), hence sorted by key.
        var unmatched: [SessionMark] = []
        for mark in state.marks.values {
            if let address = Self.preferred(byKey[mark.ref.key], event: mark.ref.event), keyByAddress[address] == nil {
                claim(address, mark.ref.key)
            } else {
                unmatched.append(mark)
            }
        }
        guard !unmatched.isEmpty else { return }
        unmatched = KeyOrder.sorted(unmatched, by: \.ref.key)
        var byTitleStart: [String: [SessionAddress]] = [:]
        for event in dataset.events {
            for session in event.sessions {
                let ref = SessionRef(session: session, event: event)
                byTitleStart[Self.titleStart(ref.title, ref.start), default: []].append(SessionAddress(event: event.id, session: session.id))
            }
        }
        for mark in unmatched {
            let candidates = byTitleStart[Self.titleStart(mark.ref.title, mark.ref.start)]?.filter { keyByAddress[$0] == nil }
            if !mark.ref.title.isEmpty, mark.ref.start != nil, let address = Self.preferred(candidates, event: mark.ref.event) {
                claim(address, mark.ref.key)
            } else if mark.starred {
                vanished.append(mark)
            }
        }
    }

    /// A mark was made on the session at `address` under `key` (the key `key(for:of:)` gave):
    /// the index as a rebuild would make it, without going over the dataset again.
    public mutating func record(_ address: SessionAddress, key: String) {
        guard keyByAddress[address] == nil, addressByKey[key] == nil else { return }
        claim(address, key)
    }

    private mutating func claim(_ address: SessionAddress, _ key: String) {
        keyByAddress[address] = key
        addressByKey[key] = address
    }

    /// Of several sessions with one key, the one in the mark's event.
    private static func preferred(_ candidates: [SessionAddress]?, event: String) -> SessionAddress? {
        guard let candidates, !candidates.isEmpty else { return nil }
        return candidates.first { $0.event == event } ?? candidates.first
    }

    private static func titleStart(_ title: String, _ start: String?) -> String {
        title.searchFolded.split { !($0.isLetter || $0.isNumber) }.joined(separator: " ") + "\u{1}" + (start ?? "")
    }

    /// The key a new mark on `session` gets, or the key its existing mark has.
    public func key(for session: Session, of event: Event) -> String {
        keyByAddress[SessionAddress(event: event.id, session: session.id)] ?? SessionRef(session: session, event: event).key
    }

    /// Every starred session of `dataset`, in dataset order.
    public func starred(in state: PersonalState, dataset: Dataset) -> Set<SessionAddress> {
        var starred = Set<SessionAddress>(minimumCapacity: keyByAddress.count)
        for (address, key) in keyByAddress where state.isStarred(key) { starred.insert(address) }
        return starred
    }
}
