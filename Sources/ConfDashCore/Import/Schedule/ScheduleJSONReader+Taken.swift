/// Sessions of a schedule.json read while the file is parsed, so that the tree never holds them.
///
/// A schedule is mostly its sessions; as one tree of `JSONValue`s, 100,000 of them took six times
/// the file's size. `ScheduleJSONReader.sessionTap` reads each
/// `schedule.conference.days[…].rooms[…][…]` object into its `DraftSession` as soon as the
/// parser has it, exactly as `readDay` would (same path, same room), and the parser keeps only an
/// empty object at its position; `readDay` then takes the session back by that position.
final class TakenSessions {
    /// In file order, which is the order of their positions.
    private var positions: [JSONPosition] = []
    private var sessions: [DraftSession?] = []

    var isEmpty: Bool { positions.isEmpty }

    fileprivate func add(_ session: DraftSession, at position: JSONPosition) {
        positions.append(position)
        sessions.append(session)
    }

    /// The session read from the object at `position`, moved out; nil when none was.
    func take(at position: JSONPosition) -> DraftSession? {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            let here = positions[middle]
            if here.line < position.line || (here.line == position.line && here.column < position.column) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < positions.count, positions[low] == position else { return nil }
        return sessions[low].take()
    }
}

extension ScheduleJSONReader {
    /// Where the v1 form's sessions are, from the root.
    private static let sessionPlace: [JSONTap.Step] = [.key("schedule"), .key("conference"), .key("days"), .anyIndex, .key("rooms"), .anyKey, .anyIndex]

    /// Reads every session object at `sessionPlace` into `taken` as the parser meets it.
    static func sessionTap(into taken: TakenSessions) -> JSONTap {
        // The room's name and its sessions' path up to their number, made once per room.
        var lastRoom: (day: Int, key: String, name: String, prefix: String)?
        var names = MemberNames()
        return JSONTap(place: sessionPlace) { event, path in
            guard case let .index(day) = path[3], case let .key(room) = path[5], case let .index(number) = path[6] else { return false }
            if lastRoom?.day != day || lastRoom?.key != room {
                // As readDay names it: schedule.conference.days[day].rooms[…][number].
                let dayPath = ProblemPath.element("schedule.conference.days", day)
                lastRoom = (day, room, room.trimmingWhitespace, ProblemPath.member(dayPath + ".rooms", room))
            }
            taken.add(readEvent(event, path: ProblemPath.element(lastRoom!.prefix, number), room: lastRoom!.name, names: &names),
                      at: event.position)
            return true
        }
    }
}
