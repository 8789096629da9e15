#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads a dataset file and checks it thoroughly, reporting every problem at once with its place
/// in the file, so that a hand-edited file can be fixed in one pass.
public enum DatasetLoader {
    /// Largest file read: 200 MB, forty times the largest real schedule seen (38C3, 4 MB).
    public static let maximumFileBytes = 200_000_000

    /// Throws only when the file cannot be read at all; everything wrong with its content is in the result.
    public static func load(contentsOf url: URL) throws(LoadFailure) -> LoadResult {
        let (data, name) = try readFile(url)
        return load(data: data, name: name)
    }

    /// The bytes of a local file and the name problems call it by; every importer reads files this way.
    static func readFile(_ url: URL) throws(LoadFailure) -> (data: Data, name: String) {
        let name = try readableName(url)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: name, reason: error.localizedDescription)
        }
        return (data, name)
    }

    /// The name problems call `url` by, once it is known to be a readable local file.
    static func readableName(_ url: URL) throws(LoadFailure) -> String {
        let name = url.isFileURL ? url.relativePath : url.absoluteString
        guard url.isFileURL else { throw .unreadable(file: name, reason: "not a local file") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadable(file: name, reason: "no such file")
        }
        if isDirectory.boolValue { throw .unreadable(file: name, reason: "it is a directory") }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw .unreadable(file: name, reason: "permission denied")
        }
        // Checked before reading: a schedule is a few megabytes; a file of gigabytes would only exhaust memory.
        // stat, not `FileManager.attributesOfItem`: its dictionary of `Any` and the cast of the
        // size cost 1.4 M instructions on every file read.
        var information = stat()
        if stat(url.path, &information) == 0, Int(information.st_size) > maximumFileBytes {
            let size = Int(information.st_size)
            throw .unreadable(file: name, reason: "it is \(size / 1_000_000) MB, more than the \(maximumFileBytes / 1_000_000) MB confdash reads")
        }
        return name
    }

    /// `name` is what problems call the file.
    public static func load(data: Data, name: String) -> LoadResult {
        load(bytes: [UInt8](data), name: name)
    }

    public static func load(json: String, name: String) -> LoadResult {
        load(bytes: Array(json.utf8), name: name)
    }

    private static func load(bytes: [UInt8], name: String) -> LoadResult {
        switch JSONParser.parse(bytes: bytes) {
        case let .failure(error): return LoadResult(syntaxError: error, file: name)
        case let .success(root): return load(root: root, name: name)
        }
    }

    /// A document already parsed (the importer parses JSON once, then looks at what it is).
    static func load(root: JSONValue, name: String) -> LoadResult {
        let log = ProblemLog(file: name)
        let dataset = DatasetReader(root: root, log: log).readDataset(root)
        return LoadResult(dataset: log.hasErrors ? nil : dataset, problems: log.sorted())
    }
}
