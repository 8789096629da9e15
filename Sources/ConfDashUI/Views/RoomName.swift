import ConfDashCore

/// How a room's name is cut where it does not fit, the same in the agenda and the rooms pane: at
/// the end ("Chaos Computer Music C…"), but in the middle when the end cut would keep no more
/// than the start it shares with another room of the event ("Hardware…Lower (extra)" and
/// "Hardware…Area -- Upper", not "Hardware Hacking Area…" twice).
enum RoomName {
    /// `name` (`nameWidth` columns) in at most `width` columns; `sharedPrefixWidth` is how many
    /// leading columns it shares with another room's name (`DashboardData.roomSharedPrefixWidths`).
    static func shown(_ name: String, nameWidth: Int, sharedPrefixWidth: Int, width: Int) -> String {
        guard nameWidth > width else { return name }
        return sharedPrefixWidth >= width - 1 ? cutKeepingEnd(name, toWidth: width) : name.truncated(toWidth: width)
    }

    /// `name` in `width` columns with its last words kept (up to two thirds of the width) after the "…".
    static func cutKeepingEnd(_ name: String, toWidth width: Int) -> String {
        guard name.terminalWidth > width, width >= 5 else { return name.truncated(toWidth: width) }
        var tail = ""
        for word in name.split(separator: " ").reversed() {
            let candidate = tail.isEmpty ? String(word) : word + " " + tail
            guard candidate.terminalWidth <= width * 2 / 3 else { break }
            tail = candidate
        }
        if tail.isEmpty { tail = String(name.suffix(width / 2)) }
        var head = Substring(name.truncated(toWidth: width - tail.terminalWidth - 1, ellipsis: ""))
        while let last = head.last, last.isWhitespace { head = head.dropLast() }
        return head + "…" + tail
    }
}
