import Foundation
import Testing
@testable import ConfDashCore

/// The fields that say on what grounds a fact stands (issue 14): why a session is on its day,
/// which entries are topics rather than sessions, what is our translation, what we computed.
@Suite("Dataset loading: dayBasis, groupTopic, quotedLanguage, computed figures")
struct ProvenanceFieldsLoadingTests {
    @Test("the new fields load into the model")
    func fieldsLoad() throws {
        var json = try LoaderFixture.valid(replacing: #""officialTitle": true,"#, with: #""officialTitle": true, "quotedLanguage": "fr", "dayBasis": {"quote": "le premier jour"},"#)
        json = try LoaderFixture.replacing(#""count": 3,"#, with: #""count": 3, "groupTopic": true, "dayBasis": {"inferred": true, "reason": {"en": "after the opening", "fr": "après l'ouverture"}},"#, in: json)
        json = try LoaderFixture.replacing(#""qualifier": "moreThan", "sources": ["s1"]}"#, with: #""qualifier": "moreThan", "sources": ["s1"]}, {"measure": "days", "value": 3, "computed": true, "note": {"en": "from the dates"}, "sources": ["s1"]}"#, in: json)
        json = try LoaderFixture.replacing(#""timeZone": "+01:00","#, with: #""timeZone": "+01:00", "officialTitle": true, "quotedLanguage": "fr", "yearTheme": {"fr": "Thème de l'année"},"#, in: json)
        let result = DatasetLoader.load(json: json, name: "fixture.json")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let event = try #require(result.dataset?.events.first)
        #expect(event.officialTitle && event.quotedLanguage == "fr" && event.yearTheme == LocalizedText(fr: "Thème de l'année"))
        #expect(event.quoteIsTranslated(in: .en) && !event.quoteIsTranslated(in: .fr))
        #expect(event.sessions[0].dayBasis == DayBasis(quote: "le premier jour"))
        #expect(event.sessions[0].titleIsTranslated(in: .en) && !event.sessions[0].titleIsTranslated(in: .fr))
        #expect(event.sessions[1].groupTopic && event.sessions[1].dayBasis?.inferred == true)
        #expect(event.sessionAndTopicCounts == (1, 1))
        #expect(event.figures.last?.computed == true && event.figures.first?.computed == false)
    }

    @Test("an inferred day without a reason, or a stated day without the source's words, is refused")
    func dayBasisNeedsGrounds() throws {
        let inferred = try LoaderFixture.valid(replacing: #""officialTitle": true,"#, with: #""officialTitle": true, "dayBasis": {"inferred": true},"#)
        expectProblem(in: inferred, path: "events[0].sessions[0].dayBasis.reason", message: "an inferred day needs a reason")
        let bare = try LoaderFixture.valid(replacing: #""officialTitle": true,"#, with: #""officialTitle": true, "dayBasis": {},"#)
        expectProblem(in: bare, path: "events[0].sessions[0].dayBasis.quote", message: "give the source's words that state the day")
    }

    @Test("a dayBasis on a session with no day has nothing to justify")
    func dayBasisNeedsADay() throws {
        let json = try LoaderFixture.valid(replacing: #""possibleDays": {"from": "2024-11-13", "to": "2024-11-14"},"#,
                                           with: #""dayBasis": {"quote": "pendant la conférence"},"#)
        expectProblem(in: json, path: "events[0].sessions[1].dayBasis", message: "the session has no day or possibleDays",
                      at: #"{"quote": "pendant la conférence"}"#)
    }

    @Test("a computed figure says how it was worked out")
    func computedNeedsANote() throws {
        let json = try LoaderFixture.valid(replacing: #""qualifier": "moreThan", "sources": ["s1"]}"#,
                                           with: #""qualifier": "moreThan", "sources": ["s1"], "computed": true}"#)
        expectProblem(in: json, path: "events[0].figures[0].note", message: "a computed figure needs a note")
    }
}
