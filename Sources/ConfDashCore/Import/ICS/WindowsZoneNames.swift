import Foundation

/// The IANA zone of Windows' zone names, as Outlook and Exchange write them in TZID with a
/// VTIMEZONE and no IANA name anywhere (`W. Europe Standard Time`). From the Unicode CLDR table
/// windowsZones.xml (territory 001, the zone Windows means by the name); the common ones only.
///
/// The name alone is never trusted: `zone(for:rules:at:)` takes the IANA zone only when its
/// offsets agree with the file's own VTIMEZONE rules at every time the calendar uses, so the
/// times stay exactly as the file says while a change of summer time inside the event is kept
/// (one fixed offset, the fallback, shows summer sessions an hour off).
enum WindowsZoneNames {
    static let ianaZones: [String: String] = [
        "W. Europe Standard Time": "Europe/Berlin",
        "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "E. Europe Standard Time": "Europe/Chisinau",
        "FLE Standard Time": "Europe/Kiev",
        "GTB Standard Time": "Europe/Bucharest",
        "Russian Standard Time": "Europe/Moscow",
        "Turkey Standard Time": "Europe/Istanbul",
        "Israel Standard Time": "Asia/Jerusalem",
        "South Africa Standard Time": "Africa/Johannesburg",
        "Eastern Standard Time": "America/New_York",
        "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver",
        "US Mountain Standard Time": "America/Phoenix",
        "Pacific Standard Time": "America/Los_Angeles",
        "Alaskan Standard Time": "America/Anchorage",
        "Hawaiian Standard Time": "Pacific/Honolulu",
        "Atlantic Standard Time": "America/Halifax",
        "Canada Central Standard Time": "America/Regina",
        "E. South America Standard Time": "America/Sao_Paulo",
        "AUS Eastern Standard Time": "Australia/Sydney",
        "New Zealand Standard Time": "Pacific/Auckland",
        "Tokyo Standard Time": "Asia/Tokyo",
        "Korea Standard Time": "Asia/Seoul",
        "China Standard Time": "Asia/Shanghai",
        "Singapore Standard Time": "Asia/Singapore",
        "India Standard Time": "Asia/Calcutta",
        "UTC": "Etc/UTC",
    ]

    /// The IANA zone standing for `tzid`, when the table names one and it agrees with `rules`
    /// at every one of `times` (wall-clock times in that zone).
    static func zone(for tzid: String, rules: VTimeZoneRules, at times: [LocalDateTime]) -> TimeZone? {
        guard let name = ianaZones[tzid.trimmingWhitespace], let zone = TimeZone(identifier: name) else { return nil }
        for local in times {
            let offset = rules.offset(atLocal: local)
            let instant = TimeZones.naiveSeconds(local) - offset
            guard zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) == offset else { return nil }
        }
        return zone
    }
}
