import Foundation
import Testing
@testable import ConfDashCore

@Suite("Dataset loading")
struct DatasetLoaderTests {
    @Test func minimalDatasetLoads() throws {
        let result = DatasetLoader.load(json: #"{"format": "confdash-dataset", "version": 1, "title": {"en": "x"}, "events": []}"#, name: "m.json")
        #expect(result.problems.isEmpty)
        let dataset = try #require(result.dataset)
        #expect(dataset.title == LocalizedText(en: "x"))
        #expect(dataset.events.isEmpty && dataset.sources.isEmpty)
    }

    @Test func fixtureLoadsCompletely() throws {
        let result = DatasetLoader.load(json: LoaderFixture.valid, name: "fixture.json")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let dataset = try #require(result.dataset)
        let event = try #require(dataset.events.first)
        #expect(event.startDate == CalendarDate(year: 2024, month: 11, day: 12))
        #expect(event.figures == [Figure(measure: .participants, value: 1200, qualifier: .moreThan, sources: ["s1"])])
        #expect(event.sessions.map(\.id) == ["opening", "panels"])
        #expect(event.sessions[0].officialTitle && event.sessions[0].durationMinutes == 30)
        #expect(event.sessions[0].start?.description == "2024-11-12T09:00")
        #expect(event.sessions[1].possibleDays == DateRange(from: CalendarDate(iso: "2024-11-13")!, to: CalendarDate(iso: "2024-11-14")!))
        #expect(event.sessions[1].count == 3 && !event.sessions[1].officialTitle)
        #expect(dataset.places.first?.latitude == 50.85)
        #expect(dataset.organisations[1].parent == nil)
        #expect(DatasetLoader.translationGaps(in: dataset).isEmpty)
    }

    // MARK: Types and formats

    @Test func missingRequiredField() throws {
        try expectProblem(replacing: "\"kind\": \"conference\",\n", with: "", path: "events[0].kind", message: "missing required field \"kind\"", at: "{\n      \"id\": \"tcx-2024\"")

        let noEvents = #"{"format": "confdash-dataset", "version": 1, "title": {"en": "x"}}"#
        expectProblem(in: noEvents, path: "events", message: "missing required field \"events\"", at: "{")
    }

    @Test func mistypedFields() throws {
        let json = try LoaderFixture.valid(replacing: "\"durationMinutes\": 30", with: "\"durationMinutes\": \"30\"")
        expectProblem(in: json, path: "events[0].sessions[0].durationMinutes", message: "expected an integer, found a string", at: "\"30\"")

        try expectProblem(replacing: "\"online\": false", with: "\"online\": \"no\"", path: "events[0].online", message: "expected true or false, found a string", at: "\"no\"")

        try expectProblem(replacing: "\"aliases\": [\"AI\", \"IA\"]", with: "\"aliases\": \"AI\"", path: "technologies[0].aliases", message: "expected an array, found a string", at: "\"AI\"")

        try expectProblem(replacing: "\"people\": [{\"person\": \"p1\", \"role\": \"speaker\"}]", with: "\"people\": [42]", path: "events[0].sessions[0].people[0]", message: "expected an object, found a number", at: "42")

        try expectProblem(replacing: "\"value\": 1200", with: "\"value\": 12.5", path: "events[0].figures[0].value", message: "expected an integer, found 12.5", at: "12.5")

        let top = DatasetLoader.load(json: "[]", name: "test.json")
        #expect(top.problems.map(\.description) == ["test.json:1:1: error: expected an object, found an array"])
    }

    @Test func badEnumValueListsTheAllowedValues() throws {
        let json = try LoaderFixture.valid(replacing: "\"kind\": \"ceremony\"", with: "\"kind\": \"ceremonie\"")
        expectProblem(in: json, path: "events[0].sessions[0].kind",
                      message: "unknown value \"ceremonie\"; expected one of: ceremony, highLevelPanel, keynote", at: "\"ceremonie\"")
        let result = DatasetLoader.load(json: json, name: "test.json")
        #expect(result.problems.first?.message.hasSuffix("(did you mean \"ceremony\"?)") == true)
    }

    @Test func badDatesAndTimes() throws {
        try expectProblem(replacing: "\"startDate\": \"2024-11-12\"", with: "\"startDate\": \"12/11/2024\"", path: "events[0].startDate", message: "expected a date as YYYY-MM-DD, found \"12/11/2024\"", at: "\"12/11/2024\"")

        try expectProblem(replacing: "\"day\": \"2024-11-12\"", with: "\"day\": \"2024-02-30\"", path: "events[0].sessions[0].day", message: "no such date: 2024-02-30", at: "\"2024-02-30\"")

        try expectProblem(replacing: "\"start\": \"2024-11-12T09:00\"", with: "\"start\": \"2024-11-12 9h\"", path: "events[0].sessions[0].start", message: "expected a local date and time as YYYY-MM-DDTHH:MM", at: "\"2024-11-12 9h\"")
    }

    @Test func valuesOutOfRange() throws {
        let cases: [(old: String, new: String, path: String, message: String)] = [
            ("\"latitude\": 50.85", "\"latitude\": 91", "places[0].latitude", "must be between -90 and 90, found 91"),
            ("\"longitude\": 4.35", "\"longitude\": -180.5", "places[0].longitude", "must be between -180 and 180, found -180.5"),
            ("\"value\": 1200", "\"value\": -1", "events[0].figures[0].value", "must not be negative, found -1"),
            ("\"durationMinutes\": 30", "\"durationMinutes\": 0", "events[0].sessions[0].durationMinutes", "must be greater than 0, found 0"),
            ("\"count\": 3", "\"count\": 1", "events[0].sessions[1].count", "must be at least 2, found 1"),
            ("\"color\": \"#1F77B4\"", "\"color\": \"#1F77B\"", "tracks[0].color", "expected a colour as #RRGGBB, found \"#1F77B\""),
            ("\"code3\": \"BEL\"", "\"code3\": \"be\"", "countries[0].code3", "expected a three-letter upper-case ISO 3166-1 code"),
            ("\"url\": \"https://www.wcoomd.org/\"", "\"url\": \"www.wcoomd.org\"", "events[0].links[0].url", "expected an absolute http:// or https:// address, found \"www.wcoomd.org\""),
            ("\"version\": 1", "\"version\": 2", "version", "unsupported version 2"),
            ("\"format\": \"confdash-dataset\"", "\"format\": \"frab\"", "format", "not a confdash dataset"),
            ("\"title\": {\"en\": \"Opening\", \"fr\": \"Ouverture\"}", "\"title\": {\"en\": \" \"}", "events[0].sessions[0].title.en", "must not be empty"),
            ("\"timeZone\": \"+01:00\"", "\"timeZone\": \"+15:00\"", "events[0].timeZone", "unknown time zone \"+15:00\""),
            ("\"timeZone\": \"+01:00\"", "\"timeZone\": \"Europe/Atlantis\"", "events[0].timeZone", "unknown time zone \"Europe/Atlantis\""),
            ("\"language\": \"en\"", "\"language\": \"EN\"", "sources[0].language", "expected a two-letter lower-case ISO 639-1 code"),
            ("\"url\": \"https://www.wcoomd.org/\"", "\"url\": \"ftp://wcoomd.org/\"", "events[0].links[0].url", "expected an absolute http:// or https:// address"),
            ("\"start\": \"2024-11-12T09:00\"", "\"start\": \"2024-11-12T09:00:00\"", "events[0].sessions[0].start", "YYYY-MM-DDTHH:MM"),
            ("\"aliases\": [\"AI\", \"IA\"]", "\"aliases\": null", "technologies[0].aliases", "expected an array, found null"),
        ]
        for item in cases {
            let json = try LoaderFixture.valid(replacing: item.old, with: item.new)
            let result = expectProblem(in: json, path: item.path, message: item.message)
            #expect(result.errors.count == 1, "\(item.new): \(result.problems)")
        }
    }

    @Test func localizedTextNeedsEnglishOrFrench() throws {
        let json = try LoaderFixture.valid(replacing: "\"title\": {\"en\": \"Opening\", \"fr\": \"Ouverture\"}", with: "\"title\": {\"de\": \"Eröffnung\"}")
        expectProblem(in: json, path: "events[0].sessions[0].title", message: "expected a text in \"en\" and/or \"fr\", found neither",
                      at: "{\"de\"")
        expectProblem(in: json, path: "events[0].sessions[0].title.de", message: "unknown key \"de\"", at: "\"de\"", severity: .warning)
    }

    // MARK: References

    @Test(arguments: [
        // (old, new, path, message, needle)
        ("\"tracks\": [\"risk\"]", "\"tracks\": [\"risky\"]", "events[0].sessions[0].tracks[0]", "unknown track id \"risky\"", "\"risky\""),
        ("\"technologies\": [\"ai\"],\n      \"days\"", "\"technologies\": [\"ai\", \"blockchain\"],\n      \"days\"",
         "events[0].technologies[1]", "unknown technology id \"blockchain\"", "\"blockchain\""),
        ("\"Belgique\"}, \"region\": \"europe\"", "\"Belgique\"}, \"region\": \"eu\"", "countries[0].region", "unknown region id \"eu\"", "\"eu\""),
        ("{\"person\": \"p1\"", "{\"person\": \"p2\"", "events[0].sessions[0].people[0].person", "unknown person id \"p2\"", "\"p2\""),
        ("{\"organisation\": \"be-customs\"", "{\"organisation\": \"be-douane\"", "events[0].sessions[0].organisations[0].organisation",
         "unknown organisation id \"be-douane\"", "\"be-douane\""),
        ("\"organisation\": \"wco\"}", "\"organisation\": \"omd\"}", "people[0].organisation", "unknown organisation id \"omd\"", "\"omd\""),
        ("\"moreThan\", \"sources\": [\"s1\"]", "\"moreThan\", \"sources\": [\"s1\", \"s9\"]", "events[0].figures[0].sources[1]",
         "unknown source id \"s9\"", "\"s9\""),
        ("\"country\": \"BE\", \"latitude\"", "\"country\": \"XX\", \"latitude\"", "places[0].country", "unknown country code \"XX\"", "\"XX\""),
        ("\"place\": \"brussels\"", "\"place\": \"bruxelles\"", "events[0].place", "unknown place id \"bruxelles\"", "\"bruxelles\""),
        ("\"room\": \"main\"", "\"room\": \"hall\"", "events[0].sessions[0].room", "unknown room id \"hall\"", "\"hall\""),
        ("\"parent\": null", "\"parent\": \"be-customs\"", "organisations[1].parent", "an organisation cannot be its own parent", "\"be-customs\"}"),
    ])
    func unknownReference(old: String, new: String, path: String, message: String, needle: String) throws {
        let json = try LoaderFixture.valid(replacing: old, with: new)
        let result = expectProblem(in: json, path: path, message: message, at: needle)
        #expect(result.errors.count == 1, "\(result.problems)")
    }

    @Test func aBrokenListDoesNotMakeEveryReferenceToItFail() throws {
        let json = try LoaderFixture.valid(replacing: "\"tracks\": [\n", with: "\"tracks\": {\"list\": [\n")
        let broken = try LoaderFixture.replacing("\"color\": \"#1F77B4\"}\n  ],", with: "\"color\": \"#1F77B4\"}\n  ]},", in: json)
        let result = expectProblem(in: broken, path: "tracks", message: "expected an array, found an object")
        #expect(result.errors.count == 1, "\(result.problems)")
    }

    @Test func organisationParentLoopIsReportedOnce() throws {
        var json = try LoaderFixture.valid(replacing: "\"parent\": null", with: "\"parent\": \"wco\"")
        json = try LoaderFixture.replacing("\"kind\": \"internationalOrganisation\"", with: "\"kind\": \"internationalOrganisation\", \"parent\": \"be-customs\"", in: json)
        let result = expectProblem(in: json, path: "organisations[0].parent", message: "organisation parents form a loop: \"wco\" → \"be-customs\" → \"wco\"")
        #expect(result.errors.count == 1)
    }

    // MARK: Dates

    @Test func dayOutsideTheEventsDates() throws {
        let json = try LoaderFixture.valid(replacing: "\"day\": \"2024-11-12\"", with: "\"day\": \"2024-11-20\"")
        let result = expectProblem(in: json, path: "events[0].sessions[0].day",
                                   message: "2024-11-20 is outside the event's dates (2024-11-12 to 2024-11-14)", at: "\"2024-11-20\"")
        let (line, column) = try #require(textPosition("\"2024-11-20\"", in: json))
        #expect(result.problems.map(\.description).contains(
            "test.json:\(line):\(column): error: events[0].sessions[0].day: 2024-11-20 is outside the event's dates (2024-11-12 to 2024-11-14)"))
    }

    @Test func otherDatesOutsideTheEvent() throws {
        try expectProblem(replacing: "\"to\": \"2024-11-14\"", with: "\"to\": \"2024-11-16\"", path: "events[0].sessions[1].possibleDays.to", message: "2024-11-16 is outside the event's dates", at: "\"2024-11-16\"")

        try expectProblem(replacing: "\"date\": \"2024-11-13\"", with: "\"date\": \"2024-11-11\"", path: "events[0].days[0].date", message: "2024-11-11 is outside the event's dates", at: "\"2024-11-11\"")

        // A session may run past midnight on the last day, but not beyond.
        let afterMidnight = try LoaderFixture.valid(replacing: "\"count\": 3,", with: "\"count\": 3, \"start\": \"2024-11-15T00:30\",")
        #expect(DatasetLoader.load(json: afterMidnight, name: "test.json").problems.isEmpty)
        try expectProblem(replacing: "\"count\": 3,", with: "\"count\": 3, \"start\": \"2024-11-16T00:30\",", path: "events[0].sessions[1].start", message: "2024-11-16T00:30 is outside the event's dates")
    }

    @Test func inconsistentSessionDates() throws {
        try expectProblem(replacing: "{\"from\": \"2024-11-13\", \"to\": \"2024-11-14\"}", with: "{\"from\": \"2024-11-14\", \"to\": \"2024-11-13\"}", path: "events[0].sessions[1].possibleDays.to", message: "to 2024-11-13 is before from 2024-11-14", at: "\"2024-11-13\"}")

        let both = try LoaderFixture.valid(replacing: "\"count\": 3,", with: "\"count\": 3, \"day\": \"2024-11-12\",")
        expectProblem(in: both, path: "events[0].sessions[1].day", message: "day 2024-11-12 is not within possibleDays (2024-11-13 to 2024-11-14)")
        try expectProblem(replacing: "\"count\": 3,", with: "\"count\": 3, \"day\": \"2024-11-14\",", path: "events[0].sessions[1].day", message: "give either day or possibleDays, not both")

        try expectProblem(replacing: "\"start\": \"2024-11-12T09:00\"", with: "\"start\": \"2024-11-14T09:00\"", path: "events[0].sessions[0].start", message: "start 2024-11-14T09:00 is not on the session's day 2024-11-12")
    }

    @Test func eventEndingBeforeItStarts() throws {
        let json = try LoaderFixture.valid(replacing: "\"endDate\": \"2024-11-14\"", with: "\"endDate\": \"2024-11-10\"")
        let result = expectProblem(in: json, path: "events[0].endDate",
                                   message: "the event ends before it starts: endDate 2024-11-10 is before startDate 2024-11-12", at: "\"2024-11-10\"")
        // Sessions are not also reported against dates that make no sense.
        #expect(result.errors.count == 1, "\(result.problems)")
    }

    @Test func eventLastingCenturies() throws {
        // A mistyped year must be reported, not make every day-by-day walk over the event run for ever.
        let json = try LoaderFixture.valid(replacing: "\"endDate\": \"2024-11-14\"", with: "\"endDate\": \"9024-11-14\"")
        let result = expectProblem(in: json, path: "events[0].endDate",
                                   message: "confdash accepts events of at most 367 days (is a year mistyped?)", at: "\"9024-11-14\"")
        #expect(result.errors.count == 1, "sessions are not also reported against such dates: \(result.problems)")
    }

    // MARK: Uniqueness

    @Test func duplicateEventAndSessionIDs() throws {
        let event = try LoaderFixture.valid(replacing: "\"events\": [\n", with: """
        "events": [
            {"id": "tcx-2024", "kind": "other", "title": {"en": "Other"}, "startDate": "2023-01-01", "endDate": "2023-01-01",
             "sessions": [{"id": "panels", "kind": "talk", "title": {"en": "Talk"}}]},

        """)
        let first = try #require(textPosition("\"tcx-2024\"", in: event))
        expectProblem(in: event, path: "events[1].id", message: "duplicate event id \"tcx-2024\" (first used at line \(first.line), column \(first.column))")
        // Session ids are unique across events too.
        expectProblem(in: event, path: "events[1].sessions[1].id", message: "duplicate session id \"panels\"")

        try expectProblem(replacing: "\"id\": \"panels\"", with: "\"id\": \"opening\"", path: "events[0].sessions[1].id", message: "duplicate session id \"opening\"", at: "\"opening\",\n          \"kind\": \"panel\"")
    }

    @Test func duplicateReferenceIDs() throws {
        let json = try LoaderFixture.valid(replacing: "{\"id\": \"wco\",", with: "{\"id\": \"be-customs\",")
        let result = expectProblem(in: json, path: "organisations[1].id", message: "duplicate organisation id \"be-customs\"")
        #expect(result.errors.count == 3, "the duplicate, and the two references to the now missing wco: \(result.problems)")

        let room = try LoaderFixture.valid(replacing: "\"rooms\": [{\"id\": \"main\", \"name\": {\"en\": \"Main hall\", \"fr\": \"Salle plénière\"}}]",
                                     with: "\"rooms\": [{\"id\": \"main\", \"name\": {\"en\": \"A\"}}, {\"id\": \"main\", \"name\": {\"en\": \"B\"}}]")
        expectProblem(in: room, path: "events[0].rooms[1].id", message: "duplicate room id \"main\"")
    }

    // MARK: Reporting

    @Test func everyProblemIsReportedInFileOrder() throws {
        var json = try LoaderFixture.valid(replacing: "\"tracks\": [\"risk\"]", with: "\"tracks\": [\"risky\"]")
        json = try LoaderFixture.replacing("\"kind\": \"seed\"", with: "\"kind\": \"press\"", in: json)
        json = try LoaderFixture.replacing("\"title\": {\"en\": \"Panels\", \"fr\": \"Panels\"},\n", with: "", in: json)
        let result = DatasetLoader.load(json: json, name: "test.json")
        #expect(result.dataset == nil)
        #expect(result.problems.map(\.path) == ["sources[0].kind", "events[0].sessions[0].tracks[0]", "events[0].sessions[1].title"])
        #expect(result.problems.compactMap(\.line) == result.problems.compactMap(\.line).sorted())
    }

    @Test func unknownKeyIsAWarning() throws {
        let json = try LoaderFixture.valid(replacing: "\"durationMinutes\": 30", with: "\"durationMinuets\": 30")
        let result = expectProblem(in: json, path: "events[0].sessions[0].durationMinuets",
                                   message: "unknown key \"durationMinuets\" is ignored; did you mean \"durationMinutes\"?",
                                   at: "\"durationMinuets\"", severity: .warning)
        #expect(result.dataset != nil)
        #expect(result.errors.isEmpty && result.warnings.count == 1)
        #expect(result.dataset?.events.first?.sessions.first?.durationMinutes == nil)
    }

    @Test func doubtfulButUsableDataIsWarnedAbout() throws {
        let repeated = try LoaderFixture.valid(replacing: "\"tracks\": [\"risk\"]", with: "\"tracks\": [\"risk\", \"risk\"]")
        let result = expectProblem(in: repeated, path: "events[0].sessions[0].tracks[1]", message: "track \"risk\" is listed twice", severity: .warning)
        #expect(result.dataset?.events[0].sessions[0].tracks == ["risk"])

        var oddID = try LoaderFixture.valid(replacing: "{\"id\": \"risk\"", with: "{\"id\": \"Risk_1\"")
        oddID = try LoaderFixture.replacing("\"tracks\": [\"risk\"]", with: "\"tracks\": [\"Risk_1\"]", in: oddID)
        expectProblem(in: oddID, path: "tracks[0].id", message: "ids should be lower-case ASCII letters, digits and hyphens", at: "\"Risk_1\"",
                      severity: .warning)

        try expectProblem(replacing: "\"timeZone\": \"+01:00\",\n", with: "", path: "events[0].sessions[0].start", message: "its event has no timeZone", severity: .warning)
    }

    @Test func problemDescriptions() {
        let full = LoadProblem(severity: .error, file: "data.json", path: "events[2].sessions[4].day", line: 3, column: 5, message: "bad")
        #expect(full.description == "data.json:3:5: error: events[2].sessions[4].day: bad")
        let noPlace = LoadProblem(severity: .warning, file: "data.json", path: "", message: "odd")
        #expect(noPlace.description == "data.json: warning: odd")
        let noFile = LoadProblem(severity: .warning, file: "", path: "title", message: "no French text")
        #expect(noFile.description == "warning: title: no French text")
        #expect(LoadFailure.unreadable(file: "x.json", reason: "no such file").description == "x.json: error: cannot read the file: no such file")
    }

    @Test func quotedValuesStayOnOneLine() throws {
        let json = try LoaderFixture.valid(replacing: "\"kind\": \"ceremony\"", with: "\"kind\": \"a\\nb\\\"c\"")
        let result = DatasetLoader.load(json: json, name: "test.json")
        let message = try #require(result.problems.first?.message)
        #expect(message.hasPrefix(#"unknown value "a\nb\"c""#), "\(message)")
        #expect(!message.contains("\n"))
    }

    // MARK: Files

    @Test func unreadableFiles() throws {
        let missing = URL(fileURLWithPath: "/nonexistent-confdash/data.json")
        #expect(throws: LoadFailure.unreadable(file: "/nonexistent-confdash/data.json", reason: "no such file")) {
            try DatasetLoader.load(contentsOf: missing)
        }
        let directory = FileManager.default.temporaryDirectory
        #expect(throws: LoadFailure.unreadable(file: directory.relativePath, reason: "it is a directory")) {
            try DatasetLoader.load(contentsOf: directory)
        }
    }

    @Test func readsAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("confdash-loader-\(UUID().uuidString).json")
        try Data(LoaderFixture.valid.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try DatasetLoader.load(contentsOf: url)
        #expect(result.dataset != nil && result.problems.isEmpty)

        try Data("{\"format\": 1}".utf8).write(to: url)
        let broken = try DatasetLoader.load(contentsOf: url)
        #expect(broken.problems.allSatisfy { $0.file == url.relativePath })
        #expect(broken.problems.map(\.description).contains("\(url.relativePath):1:12: error: format: expected a string, found a number"))
    }

    @Test func translationGaps() throws {
        let json = try LoaderFixture.valid(replacing: "\"title\": {\"en\": \"Opening\", \"fr\": \"Ouverture\"}", with: "\"title\": {\"en\": \"Opening\"}")
        let dataset = try #require(DatasetLoader.load(json: json, name: "test.json").dataset)
        let gaps = DatasetLoader.translationGaps(in: dataset, file: "test.json")
        #expect(gaps.map(\.description) == ["test.json: warning: events[0].sessions[0].title: no French text"])
    }
}
