import CCurl
import ConfDashCore
import Foundation

/// How long and how much one fetch may take.
public struct FetchLimits: Sendable, Equatable {
    /// No byte from the server for this long (while connecting, or a stalled transfer) is a timeout.
    public var connectTimeout: TimeInterval = 10
    /// The whole request, redirects and body included.
    public var totalTimeout: TimeInterval = 60
    /// A body larger than this (after gzip is undone) is refused: no real schedule comes near it.
    public var maximumBytes: Int64 = 100 * 1024 * 1024
    public var maximumRedirects = 5

    public init() {}

    /// The defaults, with `CONFDASH_CONNECT_TIMEOUT` and `CONFDASH_FETCH_TIMEOUT` (seconds)
    /// overriding the timeouts: tests use short ones, a slow link may want longer.
    public static func from(environment: [String: String]) -> FetchLimits {
        var limits = FetchLimits()
        if let text = environment["CONFDASH_CONNECT_TIMEOUT"], let seconds = TimeInterval(text), seconds > 0 { limits.connectTimeout = seconds }
        if let text = environment["CONFDASH_FETCH_TIMEOUT"], let seconds = TimeInterval(text), seconds > 0 { limits.totalTimeout = seconds }
        return limits
    }
}

/// Why a fetch gave no schedule: a value (`FetchProblem`, in the core, so the dashboard can word
/// it in the language shown). `reason` is the short English text the command line puts in parentheses.
public typealias FetchError = FetchProblem

extension FetchProblem {
    public var reason: String { RemoteWords(.en).problem(self) }
}

/// What the server answered to a (conditional) GET.
public enum FetchResponse: Equatable, Sendable {
    /// 304: the cached copy is still the current one.
    case notModified(etag: String?, lastModified: String?)
    /// 200: the body is in the file given to `fetch`.
    case body(bytes: Int64, etag: String?, lastModified: String?)
}

/// Downloads one URL with libcurl, loaded the first time a URL is fetched (`CCurl`): redirects
/// followed up to a limit and never off http(s), gzip accepted and undone, the body streamed to
/// a file and cut off past the size limit, conditional requests from the cache's ETag and
/// Last-Modified. (Foundation's URLSession would do the same through the same libcurl, but
/// linking it loads libcurl and its ~35 libraries at every start of confdash: issue 13.)
public enum HTTPFetcher {
    public static let userAgent = "confdash/\(ConfDashRemoteInfo.version) (terminal conference-agenda viewer; libcurl)"

    /// Blocks until the answer, an error or the total timeout. The body goes to `destination`
    /// (created or emptied), never to memory.
    public static func fetch(_ url: URL, etag: String?, lastModified: String?, into destination: URL,
                             limits: FetchLimits) throws(FetchError) -> FetchResponse {
        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: destination) else {
            throw .storage("cannot create \(destination.path)")
        }
        defer { try? handle.close() }
        var headers = ["Accept: application/xml, application/json, text/calendar;q=0.9, */*;q=0.5"]
        if let etag { headers.append("If-None-Match: \(etag)") }
        if let lastModified { headers.append("If-Modified-Since: \(lastModified)") }

        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(limits.totalTimeout, 0.001) * 1e9)
        var address = url.absoluteString
        var redirects = 0
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw .timeout }
            let transfer = Transfer(handle: handle, limits: limits)
            let answer = transfer.run(address, headers: headers, totalMilliseconds: Int((deadline - now) / 1_000_000) + 1)
            if answer.code == 0, (300..<400).contains(answer.status), answer.status != 304, let location = answer.redirect {
                redirects += 1
                let scheme = URL(string: location)?.scheme?.lowercased()
                guard scheme == "http" || scheme == "https" else { throw .redirectRefused(location) }
                guard redirects <= limits.maximumRedirects else { throw .tooManyRedirects(limits.maximumRedirects) }
                address = location
                continue
            }
            return try transfer.outcome(answer)
        }
    }
}

/// One request's state, which libcurl's callbacks fill on this thread while `run` blocks.
private final class Transfer {
    let handle: FileHandle
    let limits: FetchLimits
    private var received: Int64 = 0
    private var failure: FetchError?
    /// The current response's status line's code and headers (names in lower case); a new
    /// status line (after a 100 Continue) starts them again.
    private var status = 0
    private var headers: [String: String] = [:]

    init(handle: FileHandle, limits: FetchLimits) {
        self.handle = handle
        self.limits = limits
    }

    struct Answer {
        var code: Int32
        var status: Int
        var redirect: String?
        var message: String
    }

    func run(_ address: String, headers extra: [String], totalMilliseconds: Int) -> Answer {
        var result = confdash_curl_result()
        let context = Unmanaged.passUnretained(self).toOpaque()
        let lines = extra.map { strdup($0) }
        defer { lines.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = lines.map { $0.map { UnsafePointer($0) } }
        address.withCString { url in
            HTTPFetcher.userAgent.withCString { agent in
                "gzip, deflate".withCString { encoding in
                    pointers.withUnsafeMutableBufferPointer { list in
                        var request = confdash_curl_request(
                            url: url, user_agent: agent, headers: UnsafePointer(list.baseAddress), header_count: Int32(list.count),
                            accept_encoding: encoding, connect_timeout_ms: Int(limits.connectTimeout * 1000),
                            total_timeout_ms: totalMilliseconds, stall_seconds: Int(limits.connectTimeout.rounded(.up)),
                            on_body: { data, size, count, context in
                                Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().body(data, size * count)
                            },
                            on_header: { data, size, count, context in
                                Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue().header(data, size * count)
                            },
                            context: context)
                        confdash_curl_perform(&request, &result)
                    }
                }
            }
        }
        let redirect = result.redirect_url.map { String(cString: $0) }
        free(result.redirect_url)
        let message = withUnsafeBytes(of: result.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return Answer(code: result.code, status: result.status, redirect: redirect, message: message)
    }

    private var encoded: Bool { headers["content-encoding"].map { !$0.isEmpty && $0.lowercased() != "identity" } ?? false }
    private var expected: Int64 { headers["content-length"].flatMap { Int64($0) } ?? -1 }

    private func header(_ data: UnsafeMutablePointer<CChar>?, _ size: Int) -> Int {
        guard let data else { return size }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            if headers[name] == nil { headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        } else if line.isEmpty, (200..<300).contains(status), !encoded, expected > limits.maximumBytes {
            failure = .tooLarge(limits.maximumBytes)
            return 0
        }
        return size
    }

    private func body(_ data: UnsafeMutablePointer<CChar>?, _ size: Int) -> Int {
        // Only a 2xx body is the schedule; an error page or a redirect's is not kept.
        guard failure == nil, let data else { return 0 }
        guard (200..<300).contains(status) else { return size }
        received += Int64(size)
        if received > limits.maximumBytes {
            failure = .tooLarge(limits.maximumBytes)
            return 0
        }
        do {
            try handle.write(contentsOf: Data(bytesNoCopy: data, count: size, deallocator: .none))
        } catch {
            failure = .storage(error.localizedDescription)
            return 0
        }
        return size
    }

    func outcome(_ answer: Answer) throws(FetchError) -> FetchResponse {
        if let failure { throw failure }
        if answer.code != 0 { throw Self.classify(answer.code, answer.message, received: received, expected: expected) }
        let etag = headers["etag"], lastModified = headers["last-modified"]
        switch answer.status {
        case 304: return .notModified(etag: etag, lastModified: lastModified)
        case 200..<300:
            // libcurl usually reports a short body itself (code 18); this catches the rest. With
            // gzip the length is of the compressed bytes, so it says nothing about what was received.
            if !encoded && expected >= 0 && received < expected { throw .truncated(received: received, expected: expected) }
            return .body(bytes: received, etag: etag, lastModified: lastModified)
        case 300..<400: throw .tooManyRedirects(limits.maximumRedirects)
        case 0: throw .noAnswer
        default: throw .httpStatus(answer.status)
        }
    }

    /// libcurl's CURLcode as a problem (values from curl.h).
    static func classify(_ code: Int32, _ message: String, received: Int64, expected: Int64) -> FetchError {
        switch code {
        case 28: return .timeout
        case 5, 6: return .hostNotFound
        case 7: return .connectionRefused
        case 18: return .truncated(received: received, expected: expected)
        case 47: return .tooManyRedirects(5)
        case 52: return .noAnswer
        case 55, 56: return .connectionLost
        case 35, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98: return .tls(message)
        default: return .other(message)
        }
    }
}

public enum ConfDashRemoteInfo {
    /// Kept equal to `ConfdashCLI.version` (a test checks it).
    public static let version = "0.1.0"
}
