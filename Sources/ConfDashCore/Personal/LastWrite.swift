import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names at one moment, and whether it changed since: device, inode, size and
/// the modification and status-change times to the nanosecond. Any replacement (another program's
/// rename, an editor's save) gives a new inode; any write in place moves the status-change time,
/// which no program can set back. So an equal stamp means the very bytes seen then are still there,
/// with one blind spot: the kernel reads its clock for file times once per tick (a few
/// milliseconds), so a program writing the same number of bytes in place, into the same inode,
/// within the tick of our own write, would go unseen. confdash's writers never write in place.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init(_ status: stat) {
        device = UInt64(status.st_dev); inode = UInt64(status.st_ino); size = Int64(status.st_size)
        modified = status.st_mtim; changed = status.st_ctim
    }

    /// The stamp of what `path` names now; nil when it cannot be looked at (missing, unreadable folder).
    static func of(_ path: String) -> FileStamp? {
        var status = stat()
        return stat(path, &status) == 0 ? FileStamp(status) : nil
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}

/// What a store last wrote to its file (the state as reading the file back would give it) and
/// the file's stamp just after: while the file keeps that stamp, the next save merges with this
/// state instead of reading and parsing the file again, which was most of a save's cost. Any
/// other writer (a second dashboard, `confdash star`, an editor) changes the stamp, and the next
/// save reads the file as before. Shared by the copies of one store value (the writer thread's
/// and the dashboard's), hence the lock.
final class LastWrite: @unchecked Sendable {
    private let lock = NSLock()
    private var stamp: FileStamp?
    private var state: PersonalState?

    /// The state the file holds, if it is still the one written last.
    func state(ifStill current: FileStamp?) -> PersonalState? {
        lock.lock(); defer { lock.unlock() }
        guard let current, current == stamp else { return nil }
        return state
    }

    func remember(_ state: PersonalState, stamp: FileStamp?) {
        lock.lock(); defer { lock.unlock() }
        self.stamp = stamp
        self.state = stamp == nil ? nil : state
    }

    func forget() { remember(PersonalState(), stamp: nil) }
}

extension PersonalState {
    /// This state as reading its file back gives it (marks with nothing to keep are not
    /// written), or nil when the reader would not give it back as it is (an empty key or note, an
    /// export record it refuses): then the next save reads the file.
    var asWritten: PersonalState? {
        var written = self
        // Filtered only when there is something to leave out, so the state keeps its storage.
        if marks.values.contains(where: \.isBlank) { written.marks = marks.filter { !$0.value.isBlank } }
        for (key, mark) in written.marks where key != mark.ref.key || key.isEmpty || mark.note?.isEmpty == true
            || (mark.note.map { $0.utf8.count > SessionMark.maximumNoteLength && $0.count > SessionMark.maximumNoteLength } ?? false) {
            return nil
        }
        for (key, record) in exports where key != record.key || key.isEmpty || record.uid.isEmpty || record.sequence < 0 || record.dtstart.count > 16
            || !record.dtstart.utf8.allSatisfy({ $0.isASCIIDigit || $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "Z") }) {
            return nil
        }
        return written
    }
}
