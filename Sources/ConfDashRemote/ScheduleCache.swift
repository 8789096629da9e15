import ConfDashCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The schedules fetched from URLs, under `$XDG_CACHE_HOME/confdash/` (default `~/.cache/confdash/`).
///
/// One entry per URL, named by the SHA-1 of the URL (nothing from the URL reaches the file
/// system): `<hash>.json` records the URL, the ETag, Last-Modified, when the body was fetched and
/// last confirmed, and which body files hold the current and the previous version
/// (`<hash>.<stamp>.body`). Body files are never rewritten: a new version goes to a new file,
/// then the record is replaced in one rename. That rename is the only moment the entry changes,
/// so a download killed at any point leaves the old entry whole. A `<hash>.lock` (flock) lets one
/// process at a time fetch a URL; the others wait and then find the fresh copy.
public struct ScheduleCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `$XDG_CACHE_HOME/confdash` when that is an absolute path (the XDG rule), else `$HOME/.cache/confdash`.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("confdash")
        }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser.path
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/confdash")
    }

    /// A version of the schedule: its body file and what the server said about it.
    public struct Version: Codable, Sendable, Equatable {
        public var body: String
        public var bytes: Int64
        public var etag: String?
        public var lastModified: String?
        /// When this body was downloaded.
        public var fetchedAt: Date
        /// When the server last confirmed it current (a 304, or the same bytes again).
        public var checkedAt: Date
    }

    /// What `<hash>.json` holds.
    public struct Entry: Codable, Sendable, Equatable {
        public var format = "confdash-schedule-cache"
        public var formatVersion = 1
        public var url: String
        public var current: Version
        public var previous: Version?
    }

    public func key(for url: URL) -> String { ContentDigest.sha1Hex(url.absoluteString) }

    private func recordURL(_ key: String) -> URL { directory.appendingPathComponent(key + ".json") }
    private func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    // MARK: Reading

    /// The entry for `url`; nil when there is none. A damaged one (unreadable record, a body file
    /// missing or of the wrong size, another URL's record) gives a warning and counts as none.
    public func entry(for url: URL) -> (entry: Entry?, warning: String?) {
        let key = key(for: url)
        guard let data = try? Data(contentsOf: recordURL(key)) else { return (nil, nil) }
        let shown = ScheduleLocation.shown(url.absoluteString)
        guard let entry = try? JSONDecoder.cache.decode(Entry.self, from: data), entry.format == "confdash-schedule-cache" else {
            return (nil, "the cached copy of \(shown) is damaged (\(recordURL(key).path) cannot be read); it is ignored and fetched again")
        }
        guard entry.url == url.absoluteString else {
            return (nil, "the cache entry \(recordURL(key).path) belongs to another URL; it is ignored")
        }
        for version in [entry.current] + (entry.previous.map { [$0] } ?? []) where !isWhole(version) {
            if version == entry.current {
                return (nil, "the cached copy of \(shown) is damaged (\(file(version.body).path) is missing or cut short); it is ignored and fetched again")
            }
            var kept = entry
            kept.previous = nil  // only the older version is lost: changes cannot be listed against it
            return (kept, nil)
        }
        return (entry, nil)
    }

    private func isWhole(_ version: Version) -> Bool {
        guard Self.isBodyName(version.body),
              let attributes = try? FileManager.default.attributesOfItem(atPath: file(version.body).path),
              let size = attributes[.size] as? NSNumber else { return false }
        return size.int64Value == version.bytes
    }

    /// Body names are ours (`<hash>.<stamp>.body`); a record edited to point elsewhere is not followed.
    static func isBodyName(_ name: String) -> Bool {
        name.hasSuffix(".body") && !name.contains("/") && !name.hasPrefix(".")
    }

    public func body(of version: Version) throws -> Data {
        guard Self.isBodyName(version.body) else { throw CocoaError(.fileReadInvalidFileName) }
        return try Data(contentsOf: file(version.body))
    }

    // MARK: Writing

    /// A new empty file in the cache folder for a download (not yet part of any entry).
    public func newBodyFile(for url: URL) throws -> URL {
        try makeDirectory()
        let stamp = "\(Int64(Date().timeIntervalSince1970 * 1000))-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return file("\(key(for: url)).\(stamp).body")
    }

    /// Makes the downloaded `body` the current version; the current one becomes the previous
    /// (the one before is dropped). `body` must come from `newBodyFile(for:)`.
    @discardableResult
    public func commit(url: URL, body: URL, bytes: Int64, etag: String?, lastModified: String?, at date: Date,
                       over existing: Entry?) throws -> Entry {
        try syncFile(body)
        let version = Version(body: body.lastPathComponent, bytes: bytes, etag: etag, lastModified: lastModified,
                              fetchedAt: date, checkedAt: date)
        let entry = Entry(url: url.absoluteString, current: version, previous: existing?.current)
        try write(entry, for: url)
        return entry
    }

    /// The server confirmed the current version (304, or the same bytes again): only the record changes.
    @discardableResult
    public func confirm(url: URL, entry: Entry, etag: String?, lastModified: String?, at date: Date) throws -> Entry {
        var entry = entry
        entry.current.checkedAt = date
        // A 304 may omit the validators; the ones we had still stand then.
        if let etag { entry.current.etag = etag }
        if let lastModified { entry.current.lastModified = lastModified }
        try write(entry, for: url)
        return entry
    }

    /// Removes the record of a damaged entry (its bodies go with the next clean-up).
    public func discard(url: URL) {
        unlink(recordURL(key(for: url)).path)
    }

    private func write(_ entry: Entry, for url: URL) throws {
        let key = key(for: url)
        let data = try JSONEncoder.cache.encode(entry)
        do {
            try AtomicFile.write(data, to: recordURL(key).path, mode: 0o600)
        } catch {
            throw POSIXError(POSIXErrorCode(rawValue: error.code) ?? .EIO)
        }
        removeUnusedBodies(key: key, keeping: [entry.current.body] + (entry.previous.map { [$0.body] } ?? []))
    }

    /// Bodies of this URL no record points to: downloads cut short by a kill, versions rotated out.
    /// Called with the entry's lock held, so no download of this URL is under way.
    private func removeUnusedBodies(key: String, keeping: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(key + ".") && name.hasSuffix(".body") && !keeping.contains(name) {
            unlink(file(name).path)
        }
    }

    private func makeDirectory() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    private func syncFile(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        _ = fsync(descriptor)
    }

    // MARK: Locking

    /// Holds the URL's lock until released (or the process ends: the kernel drops flocks).
    public final class Lock: @unchecked Sendable {
        private var descriptor: Int32
        init(descriptor: Int32) { self.descriptor = descriptor }
        public func release() {
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
        deinit { release() }
    }

    /// Waits for the URL's lock. Nil when the cache folder cannot be created (the caller then
    /// fetches without a cache and says so).
    public func lock(_ url: URL) throws -> Lock {
        try makeDirectory()
        let path = directory.appendingPathComponent(key(for: url) + ".lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno != EINTR {
                close(descriptor)
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        return Lock(descriptor: descriptor)
    }
}

extension JSONEncoder {
    static var cache: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}

extension JSONDecoder {
    static var cache: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
