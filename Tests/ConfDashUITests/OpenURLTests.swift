import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// `:open URL` through the store as the terminal drives it: the fetch runs in the background
/// (held here), keys keep working, the status bar says it fetches, and only a schedule that was
/// read replaces the one shown. The opener is a stand-in for the CLI's (which links the network
/// and is tested against a real server in LiveSnapshotTests).
@Suite struct OpenURLTests {
    typealias Live = LiveReloadTests
    static let url = "https://schedule.example.org/mini/schedule.xml"

    /// The keys that type `:open LOCATION` and Enter.
    static func open(_ location: String) -> String { ": open Space \(location) Enter" }

    /// An opener that answers with `answer` and records what it was asked.
    final class FakeOpener: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var asked: [String] = []
        var answer: @Sendable (String) -> RemoteOpening

        init(answer: @escaping @Sendable (String) -> RemoteOpening) { self.answer = answer }

        var opener: RemoteOpener {
            RemoteOpener { [self] location, _ in
                lock.lock(); asked.append(location); lock.unlock()
                return answer(location)
            }
        }
    }

    /// The second version of the mini schedule, as if fetched from `url`, with R reading it again.
    static func fetchedSecond(notice: OfflineNotice? = nil) -> @Sendable (String) -> RemoteOpening {
        { location in
            let result = DatasetImporter.load(data: Data(Live.second.xml.utf8), name: location)
            let summary = LoadSummary(name: location, dataset: result.dataset!, warnings: [])
            let source = ScheduleSource(name: location) { current in ReloadResult(dataset: current) }
            return RemoteOpening(name: location, result: .success(summary), notice: notice, source: source)
        }
    }

    @Test func aURLIsFetchedInTheBackgroundAndReplacesTheScheduleWhenRead() throws {
        let setup = try Live.setup()
        let store = setup.store
        let fake = FakeOpener(answer: Self.fetchedSecond())
        store.openURLs(with: fake.opener)
        Live.press("j", store)

        let before = store.state
        Live.press(Self.open(Self.url), store)
        var expected = before
        expected.live.opening = Self.url
        expected.message = .live(.fetching(Self.url))
        expected.history.commands = ["open " + Self.url]
        #expect(store.state == expected, "only the state says a fetch runs; the work waits in the background")
        #expect(setup.held.pending == 1)
        let screen = store.render().text
        #expect(screen.contains("fetching…"), "the status bar shows the fetch: \(screen)")
        #expect(screen.contains("Fetching https://schedule.example.org/mini/schedule.xml… (keys keep working)"))

        // Keys act at once; R and another :open wait for the fetch.
        Live.press("k", store)
        #expect(store.state.agenda.cursor == 0)
        Live.press("R", store)
        #expect(store.state.message == .live(.stillOpening(Self.url)) && setup.held.pending == 1)
        Live.press(Self.open("other.xml"), store)
        #expect(store.state.message == .live(.stillOpening(Self.url)) && setup.held.pending == 1)

        setup.held.release()
        #expect(store.idle(), "the idle poll takes the result and asks for a frame")
        #expect(fake.asked == [Self.url])
        #expect(store.state.live.opening == nil && store.state.live.source == Self.url)
        #expect(store.data.index.dataset.events[0].sessions.map(\.title.en) == ["Opening", "Parsers", "Lightning talks", "Closing"])
        guard case .opened(let file)? = store.state.message else { Issue.record("\(String(describing: store.state.message))"); return }
        #expect(file.name == Self.url && file.sessions == 4 && file.notice == nil)
        #expect(!store.render().text.contains("fetching…"))

        // R now reads the URL's source (the stand-in gives the same version back: no change).
        Live.press("R", store)
        #expect(store.state.live.reloading && store.state.message == .live(.reloading(Self.url)))
    }

    @Test func aFailedFetchNamesTheURLAndLeavesTheViewAsItWas() throws {
        let setup = try Live.setup()
        let store = setup.store
        let fake = FakeOpener { location in
            RemoteOpening(name: location, result: .failure(.unreachable(url: location, .cannotFetch(.httpStatus(404)))))
        }
        store.openURLs(with: fake.opener)
        Live.press("j j / caches Enter", store)
        let before = store.state
        let data = store.data.index.dataset

        Live.press(Self.open(Self.url), store)
        setup.held.release()
        _ = store.idle()
        var expected = before
        expected.message = .openFailed(.unreachable(url: Self.url, .cannotFetch(.httpStatus(404))))
        expected.history.commands = ["open " + Self.url]
        #expect(store.state == expected, "place, filters and search stay; only the message (and the line typed, for ↑) is new")
        #expect(store.data.index.dataset == data)
        #expect(UIText(.en).message(store.state.message!) == Self.url + ": cannot fetch the schedule (HTTP 404 Not Found) and there is no cached copy")
        #expect(UIText(.fr).message(store.state.message!)
                == Self.url + ": impossible de télécharger le programme (HTTP 404 introuvable) et aucune copie en cache")
        // R still reads the file shown before.
        Live.press("R", store)
        #expect(store.state.message == .live(.reloading("mini.xml")))
    }

    @Test func aCachedCopyShownOfflineSaysSoWithItsAge() throws {
        let setup = try Live.setup()
        let store = setup.store
        let notice = OfflineNotice(source: Self.url, ageSeconds: 2 * 3600 + 5, reason: .unreachable(.timeout))
        store.openURLs(with: FakeOpener(answer: Self.fetchedSecond(notice: notice)).opener)
        Live.press(Self.open(Self.url), store)
        setup.held.release()
        _ = store.idle()
        let message = try #require(store.state.message)
        #expect(message.kind == .error, "shown in the error colour, like a reload's offline line")
        #expect(UIText(.en).message(message)
                == "offline: schedule from 2 h ago — could not reach \(Self.url) (timeout) · Opened \(Self.url) — 1 event, 4 sessions")
        #expect(UIText(.fr).message(message).hasPrefix("hors ligne : programme d'il y a 2 h — \(Self.url) injoignable (délai dépassé) · Ouvert : "))
    }

    @Test func theOfflineNoticeAtStart() throws {
        let setup = try Live.setup()
        let store = setup.store
        store.send(.startedOffline(OfflineNotice(source: Self.url + "\u{1B}[31m", ageSeconds: 3 * 86400, reason: .requested)))
        #expect(UIText(.en).message(store.state.message!) == "offline (--offline): schedule from 3 days ago")
        #expect(UIText(.fr).message(store.state.message!) == "hors ligne (--offline) : programme d'il y a 3 jours")
        store.send(.startedOffline(OfflineNotice(source: Self.url + "\u{1B}[31m", ageSeconds: 59, reason: .unreachable(.hostNotFound))))
        let line = UIText(.en).message(store.state.message!)
        #expect(line == "offline: schedule from 59 s ago — could not reach \(Self.url)?[31m (host not found)", "no control byte from the URL")
        #expect(store.render().text.contains("offline: schedule from 59 s ago"))
    }

    @Test func withoutAnOpenerAURLIsAClearError() throws {
        let setup = try Live.setup()
        let store = setup.store
        Live.press(Self.open(Self.url), store)
        #expect(store.state.live.opening == nil)
        #expect(UIText(.en).message(store.state.message!) == Self.url + ": URLs cannot be opened here")
    }

    @Test func openingAFileMakesRReadThatFile() throws {
        let setup = try Live.setup()
        let store = setup.store
        let other = setup.directory.appendingPathComponent("other.xml")
        try Data(Live.second.xml.utf8).write(to: other)
        Live.press(Self.open(other.path), store)
        #expect(store.state.live.source == "other.xml")
        Live.press("R", store)
        #expect(store.state.message == .live(.reloading("other.xml")))
    }

    /// At 120 columns a starred notice with two moves and the counts do not fit: the notice
    /// keeps its first move, the counts stay, and a line still too long ends in "…".
    @Test func theStatusLinePutsTheStarredNoticeFirstAndCutsWithAnEllipsis() {
        let starred = StarredChange(kind: .moved, title: LocalizedText(en: "Illegal instructions by legals - a very long title"),
                                    details: [.init(aspect: .time, from: "11:00–11:40", to: "16:00–16:40"),
                                              .init(aspect: .room, from: "Saal 1", to: "Saal GLITCH")], others: 1)
        let message = StatusMessage.live(.reloaded(ChangeCounts(moved: 1, cancelled: 1), starred: starred,
                                                   offline: OfflineNotice(source: "https://fahrplan.example.org/38c3/schedule.xml", ageSeconds: 2 * 3600,
                                                                          reason: .unreachable(.timeout))))
        let full = UIText(.en).message(message)
        #expect(full.terminalWidth > 119)
        let fitted = MessageLine.text(message, language: .en, width: 119)
        #expect(fitted.terminalWidth <= 119)
        #expect(fitted.hasPrefix("★ “Illegal instructions by legals” moved: time 11:00–11:40 → 16:00–16:40 (+1 starred) · 1 moved, 1 cancelled"),
                "the notice's first move, then the counts: \(fitted)")
        #expect(fitted.hasSuffix("…") && !fitted.contains("Saal GLITCH"))
        // Wide enough for everything: nothing is left out.
        #expect(MessageLine.text(message, language: .en, width: 300) == full)
        // A message that fits is left as it is.
        #expect(MessageLine.text(.live(.sessionGone), language: .en, width: 119) == "That session has left the schedule")
        // Narrow: still the notice first, cut with "…".
        let narrow = MessageLine.text(message, language: .fr, width: 40)
        #expect(narrow.hasPrefix("★ “Illegal instructions") && narrow.hasSuffix("…") && narrow.terminalWidth <= 40)
    }
}
