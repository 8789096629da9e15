import ConfDashCore
import ConfDashScreen
import Foundation
import Testing
@testable import ConfDashUI

/// The details' bullets as issue 10 asks, checked one by one: a person's organisation said once
/// (in both languages), the source by its title and date rather than a hashed file name, and no
/// "official title" mark on an imported schedule's sessions.
@Suite struct DetailFactsTests {
    static func lines(_ session: Session, _ event: Event, data: DashboardData, language: Language) -> [String] {
        var state = Fixture.initial(Size(width: 120, height: 40), language: language)
        state.language = language
        return DetailView.sessionLines(session, event: event, state: state, data: data, theme: .dark, width: 200).map(\.text)
    }

    /// Every bundled session whose speaker has a title and an organisation.
    static var bundledSpeakers: [(Session, Event, Person, Organisation)] {
        Fixture.index.dataset.events.flatMap { event in
            event.sessions.flatMap { session in
                session.people.compactMap { link -> (Session, Event, Person, Organisation)? in
                    guard let person = Fixture.index.peopleByID[link.person], person.role != nil,
                          let organisation = person.organisation.flatMap({ Fixture.index.organisationsByID[$0] }) else { return nil }
                    return (session, event, person, organisation)
                }
            }
        }
    }

    @Test(arguments: [Language.en, .fr])
    func aPersonsOrganisationIsNotRepeated(language: Language) throws {
        let speakers = Self.bundledSpeakers
        #expect(speakers.contains { $0.2.id == "claudia-thomaz" }, "the case the issue names is in the data")
        for (session, event, person, organisation) in speakers {
            let line = try #require(Self.lines(session, event, data: Fixture.data, language: language)
                .first { $0.hasPrefix("• \(person.name) —") })
            let name = organisation.name.text(in: language)
            #expect(line.components(separatedBy: name).count <= 2, "\(line)")
            // Her French title words the organisation differently ("Secrétariat fédéral des
            // recettes du Brésil"); her English title names it: it is not added in either language.
            if person.id == "claudia-thomaz" {
                #expect(line.hasSuffix(", " + (person.role?.text(in: language) ?? "")), "\(line)")
            }
        }
    }

    @Test(arguments: [Language.en, .fr])
    func sourcesShowTheirTitleAndDateNotTheirFileName(language: Language) throws {
        let event = try #require(Fixture.index.dataset.events.first { !$0.sessions.isEmpty })
        let session = event.sessions[0]
        let text = Self.lines(session, event, data: Fixture.data, language: language).joined(separator: "\n")
        let sources = (session.sources.isEmpty ? event.sources : session.sources).compactMap { Fixture.index.sourcesByID[$0] }
        #expect(!sources.isEmpty)
        for source in sources {
            #expect(text.contains(source.title.text(in: language)), "\(source.id)")
            if let date = source.published { #expect(text.contains(DateLabels.long(date, language)), "\(source.id)") }
            if let file = source.file { #expect(!text.contains(file), "the hashed file name \(file) is not shown") }
        }
    }

    @Test func importedSessionsCarryNoOfficialTitleMark() throws {
        guard let index = CongressScreensTests.index() else { return }
        let data = DashboardData(index: index)
        let event = try #require(index.dataset.events.first)
        let mark = UIText(.en).officialTitle.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        #expect(!mark.isEmpty)
        for session in event.sessions.prefix(50) {
            let text = Self.lines(session, event, data: data, language: .en).joined(separator: "\n")
            #expect(!text.contains(mark), "\(session.id)")
        }
        // The bundled data still marks its quoted official titles.
        let official = try #require(Fixture.index.dataset.events.lazy.flatMap { event in event.sessions.map { ($0, event) } }
            .first { $0.0.officialTitle })
        #expect(Self.lines(official.0, official.1, data: Fixture.data, language: .en).joined().contains(mark))
    }
}
