import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which schedule a state file belongs to: the bundled dataset, or an imported conference named
/// by its acronym and where it came from (two copies of one schedule in two places are two files,
/// as two different conferences with one acronym must be).
public struct ScheduleIdentity: Equatable, Sendable {
    /// The state file's name without `.json`: `wco-bundled`, `38c3-1f2e3d4c`.
    public var name: String
    /// In words, written into the file for a person reading it.
    public var description: String

    public init(name: String, description: String) { self.name = name; self.description = description }

    public static let bundled = ScheduleIdentity(name: "wco-bundled", description: "the bundled WCO technology events dataset")

    /// For `--data path`: `<acronym>-<8 hex digits of the absolute path>`.
    public static func imported(_ dataset: Dataset, path: String) -> ScheduleIdentity {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let acronym = dataset.events.count == 1 ? dataset.events[0].id : ImportIDs.slug(dataset.title.text(in: .en))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs and machines, unlike Hasher
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash & 0xffff_ffff, radix: 16)
        let name = String((acronym.isEmpty ? "schedule" : acronym).prefix(40)) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
        return ScheduleIdentity(name: name, description: "\(dataset.events.count == 1 ? dataset.events[0].title.text(in: .en) : dataset.title.text(in: .en)) from \(absolute)")
    }
}

/// Where a schedule's stars and notes live, and the only code that reads or writes them there.
///
/// Saving merges: the file is read again under a lock, merged with what this program holds
/// (`PersonalState.merged`), and the result written atomically and returned, so two dashboards
/// on one schedule each keep the other's stars. A damaged file is never overwritten: it is moved
/// aside as `<name>.json.corrupt-<time>` first. A file from a newer confdash is never touched.
public struct PersonalStateStore: Sendable {
    public let directory: String
    public let identity: ScheduleIdentity
    /// The state this store wrote last and the file's stamp then: a save finding the file
    /// unchanged since merges with it instead of reading the file again.
    private let lastWrite = LastWrite()

    public init(directory: String, identity: ScheduleIdentity) { self.directory = directory; self.identity = identity }

    public var path: String { directory + "/" + identity.name + ".json" }
    var lockPath: String { path + ".lock" }

    /// `$XDG_STATE_HOME/confdash`, else `~/.local/state/confdash` (XDG Base Directory: a relative
    /// XDG_STATE_HOME is ignored). Nil when neither variable gives a place.
    public static func defaultDirectory(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/confdash" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/state/confdash"
    }

    /// What `load` found, and what to tell the user about it.
    public struct Loaded: Sendable {
        public var state: PersonalState
        /// Sentences for the user: a damaged file moved aside, a file too new to rewrite.
        public var messages: [String]
        /// Set when saving must not happen (the file is from a newer confdash): the reason.
        public var readOnlyReason: String?
    }

    public enum SaveError: Error, Equatable, Sendable {
        case cannotWrite(path: String, reason: String)
        case newerFormat(path: String, version: Int)

        public var message: String {
            switch self {
            case .cannotWrite(let path, let reason):
                return "\(path): cannot save stars and notes: \(reason); they are kept in memory only"
            case .newerFormat(let path, let version):
                return "\(path): written by a newer confdash (format version \(version)); it is left untouched and nothing is saved"
            }
        }
    }

    /// Reads the file. Missing is an empty state; damaged is moved aside (under the lock, so a
    /// concurrent save cannot race it) and what could be read is kept; `now` names the moved file.
    public func load(now: Date = Date()) -> Loaded {
        var messages: [String] = []
        guard let data = FileManager.default.contents(atPath: path) else {
            if access(path, F_OK) == 0 {
                messages.append("\(path): cannot be read (\(AtomicFile.systemError())); starting with no stars, and not saving over it")
                return Loaded(state: PersonalState(schedule: identity.description), messages: messages,
                              readOnlyReason: "\(path) cannot be read")
            }
            return Loaded(state: PersonalState(schedule: identity.description), messages: [], readOnlyReason: nil)
        }
        switch PersonalStateFile.read(data) {
        case .intact(let state):
            return Loaded(state: state, messages: [], readOnlyReason: nil)
        case .newer(let version):
            return Loaded(state: PersonalState(schedule: identity.description),
                          messages: [SaveError.newerFormat(path: path, version: version).message],
                          readOnlyReason: SaveError.newerFormat(path: path, version: version).message)
        case .damaged(let state, let damage):
            let aside = try? AtomicFile.withLock(lockPath) { moveAside(now: now) }
            let kept = state.starredCount
            let place = aside.flatMap { $0 }.map { "moved aside to \($0)" } ?? "could not be moved aside; it is left as it is"
            messages.append("\(path): \(damage[0].description)\(damage.count > 1 ? " (and \(damage.count - 1) more problems)" : ""); "
                + "the file is \(place); starting with the \(kept) star\(kept == 1 ? "" : "s") that could be read")
            var fresh = state
            fresh.schedule = identity.description
            return Loaded(state: fresh, messages: messages, readOnlyReason: aside.flatMap { $0 } == nil ? "\(path) is damaged" : nil)
        }
    }

    /// Merges `state` with the file as it is now and writes the result; returns it (the caller
    /// should adopt it: it holds other programs' changes too) and any message about a damaged
    /// file found on the way. On failure nothing on disk changed and `state` is still the caller's.
    public func save(_ state: PersonalState, now: Date = Date()) throws(SaveError) -> (state: PersonalState, messages: [String]) {
        if mkdirs(directory) != 0 { throw .cannotWrite(path: path, reason: AtomicFile.systemError()) }
        do {
            return try AtomicFile.withLock(lockPath) { () throws -> (PersonalState, [String]) in
                var messages: [String] = []
                var merged = state
                if let unchanged = lastWrite.state(ifStill: FileStamp.of(path)) {
                    merged = unchanged.merged(with: state)
                } else if let data = FileManager.default.contents(atPath: path) {
                    switch PersonalStateFile.read(data) {
                    case .intact(let onDisk): merged = onDisk.merged(with: state)
                    case .newer(let version): throw SaveError.newerFormat(path: path, version: version)
                    case .damaged(let partial, let damage):
                        guard let aside = moveAside(now: now) else {
                            throw SaveError.cannotWrite(path: path, reason: "it is damaged (\(damage[0].description)) and could not be moved aside")
                        }
                        messages.append("\(path): \(damage[0].description); the damaged file is moved aside to \(aside)")
                        merged = partial.merged(with: state)
                    }
                }
                merged.schedule = identity.description
                do {
                    lastWrite.forget()
                    let stamp = try AtomicFile.writeStamped(PersonalStateFile.bytes(of: merged), to: path, mode: 0o600)
                    if let written = merged.asWritten { lastWrite.remember(written, stamp: stamp) }
                } catch let failure as AtomicFile.Failure {
                    throw SaveError.cannotWrite(path: path, reason: failure.reason)
                }
                return (merged, messages)
            }
        } catch let error as SaveError {
            throw error
        } catch let error as AtomicFile.Failure {
            throw .cannotWrite(path: path, reason: error.reason)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
    }

    /// Renames the file to `<file>.corrupt-<UTC time>` (with `-2`, `-3`… if taken); the new name, or nil.
    private func moveAside(now: Date) -> String? {
        guard access(path, F_OK) == 0 else { return nil }
        let stamp = StateTime.text(Int64(now.timeIntervalSince1970 * 1000)).prefix(19)
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        var target = "\(path).corrupt-\(stamp)Z"
        var number = 2
        while access(target, F_OK) == 0 { target = "\(path).corrupt-\(stamp)Z-\(number)"; number += 1 }
        guard rename(path, target) == 0 else { return nil }
        AtomicFile.syncDirectory(directory)
        return target
    }

    /// `mkdir -p`, private to the user (0700) as XDG asks for state.
    private func mkdirs(_ path: String) -> Int32 {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return 0 }
            errno = ENOTDIR
            return -1
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return 0
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            errno = Int32(underlying?.code ?? Int(EACCES))
            return -1
        }
    }
}
