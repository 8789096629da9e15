/// The starred sessions' spans sorted by start (then address), to answer "what does this one
/// overlap" for the rows on screen only. A row's overlaps are the spans around it in that order:
/// later ones while they start before it ends, earlier ones while some span up to there still
/// runs at its start (`latestEnd`, the largest end so far, says when to stop looking back). The
/// answer is the list the sweep over all pairs gives (MyAgendaOverlapsTests): same overlaps, in
/// start order.
struct OverlapSweep: Sendable {
    private let sorted: [(address: SessionAddress, span: SessionSpan)]
    /// `latestEnd[i]`: the largest end among `sorted[0...i]`.
    private let latestEnd: [Int]
    /// Where each address is in `sorted`: one place, or more for a schedule that lists an id twice.
    private let places: [SessionAddress: [Int]]

    init(_ spans: [(SessionAddress, SessionSpan)]) {
        let sorted = spans.sorted { ($0.1.start, $0.0) < ($1.1.start, $1.0) }.map { (address: $0.0, span: $0.1) }
        var latestEnd: [Int] = []
        latestEnd.reserveCapacity(sorted.count)
        var places: [SessionAddress: [Int]] = [:]
        places.reserveCapacity(sorted.count)
        for (place, entry) in sorted.enumerated() {
            latestEnd.append(max(latestEnd.last ?? entry.span.end, entry.span.end))
            places[entry.address, default: []].append(place)
        }
        self.sorted = sorted
        self.latestEnd = latestEnd
        self.places = places
    }

    /// As the sweep over all pairs lists them; for an address listed twice, the first place's
    /// overlaps and then the second's.
    func overlaps(of address: SessionAddress) -> [MyAgenda.Overlap] {
        guard let list = places[address] else { return [] }
        return list.count == 1 ? overlaps(at: list[0]) : list.flatMap(overlaps(at:))
    }

    /// Every address with at least one overlap, and its overlaps.
    func all() -> [SessionAddress: [MyAgenda.Overlap]] {
        var result: [SessionAddress: [MyAgenda.Overlap]] = [:]
        for address in places.keys {
            let found = overlaps(of: address)
            if !found.isEmpty { result[address] = found }
        }
        return result
    }

    private func overlaps(at place: Int) -> [MyAgenda.Overlap] {
        let span = sorted[place].span
        func overlap(_ other: Int) -> MyAgenda.Overlap? {
            let otherSpan = sorted[other].span
            guard span.overlaps(otherSpan) else { return nil }
            return MyAgenda.Overlap(other: sorted[other].address, certain: span.precision != .vague && otherSpan.precision != .vague)
        }
        var result: [MyAgenda.Overlap] = []
        // Earlier starts: only those still running at this start can overlap; none is once the
        // latest end so far falls before it.
        var earlier = place - 1
        while earlier >= 0, latestEnd[earlier] >= span.start {
            if sorted[earlier].span.end >= span.start, let found = overlap(earlier) { result.append(found) }
            earlier -= 1
        }
        result.reverse()
        // Later starts, until one starts after this ends.
        var later = place + 1
        while later < sorted.count, sorted[later].span.start <= span.end {
            if let found = overlap(later) { result.append(found) }
            later += 1
        }
        return result
    }
}
