import ConfDashCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

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

/// Downloads one URL with URLSession (libcurl underneath on Linux): redirects followed up to a
/// limit and never off http(s), gzip accepted and undone, the body streamed to a file and cut off
/// past the size limit, conditional requests from the cache's ETag and Last-Modified.
public enum HTTPFetcher {
    public static let userAgent = "confdash/\(ConfDashRemoteInfo.version) (terminal conference-agenda viewer; Swift URLSession)"

    /// Blocks until the answer, an error or the total timeout. The body goes to `destination`
    /// (created or emptied), never to memory.
    public static func fetch(_ url: URL, etag: String?, lastModified: String?, into destination: URL,
                             limits: FetchLimits) throws(FetchError) -> FetchResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: limits.connectTimeout)
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("gzip, deflate", forHTTPHeaderField: "Accept-Encoding")
        request.setValue("application/xml, application/json, text/calendar;q=0.9, */*;q=0.5", forHTTPHeaderField: "Accept")
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }

        guard FileManager.default.createFile(atPath: destination.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: destination) else {
            throw .storage("cannot create \(destination.path)")
        }
        defer { try? handle.close() }

        let transfer = Transfer(handle: handle, limits: limits)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = limits.connectTimeout
        configuration.timeoutIntervalForResource = limits.totalTimeout
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)
        task.resume()
        if transfer.done.wait(timeout: .now() + limits.totalTimeout) == .timedOut {
            task.cancel()
            throw .timeout
        }
        return try transfer.outcome()
    }
}

/// The delegate of one download. URLSession calls it on its serial queue; `outcome` is read only
/// after `done` is signalled, so the state needs no lock beyond that ordering.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let handle: FileHandle
    let limits: FetchLimits
    let done = DispatchSemaphore(value: 0)
    private var received: Int64 = 0
    private var expected: Int64 = -1
    private var redirects = 0
    private var failure: FetchError?
    private var response: HTTPURLResponse?
    private var finished = false

    init(handle: FileHandle, limits: FetchLimits) {
        self.handle = handle
        self.limits = limits
    }

    func outcome() throws(FetchError) -> FetchResponse {
        if let failure { throw failure }
        guard let response else { throw .noAnswer }
        let etag = response.value(forHTTPHeaderField: "ETag")
        let lastModified = response.value(forHTTPHeaderField: "Last-Modified")
        switch response.statusCode {
        case 304: return .notModified(etag: etag, lastModified: lastModified)
        case 200..<300:
            let encoded = response.value(forHTTPHeaderField: "Content-Encoding").map { !$0.isEmpty && $0 != "identity" } ?? false
            // libcurl usually reports a short body itself; this catches the rest. With gzip the
            // length is of the compressed bytes, so it says nothing about what was received.
            if !encoded && expected >= 0 && received < expected { throw .truncated(received: received, expected: expected) }
            return .body(bytes: received, etag: etag, lastModified: lastModified)
        case 300..<400: throw .tooManyRedirects(limits.maximumRedirects)
        default: throw .httpStatus(response.statusCode)
        }
    }

    private func fail(_ error: FetchError, _ task: URLSessionTask) {
        if failure == nil { failure = error }
        task.cancel()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        self.response = response as? HTTPURLResponse
        expected = response.expectedContentLength
        let encoded = self.response?.value(forHTTPHeaderField: "Content-Encoding").map { !$0.isEmpty && $0 != "identity" } ?? false
        if !encoded && expected > limits.maximumBytes {
            failure = .tooLarge(limits.maximumBytes)
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard failure == nil else { return }
        // Only a 2xx body is the schedule; an error page is not kept.
        guard let status = response?.statusCode, (200..<300).contains(status) else { return }
        received += Int64(data.count)
        if received > limits.maximumBytes {
            fail(.tooLarge(limits.maximumBytes), dataTask)
            return
        }
        do {
            try handle.write(contentsOf: data)
        } catch {
            fail(.storage(error.localizedDescription), dataTask)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        redirects += 1
        let scheme = request.url?.scheme?.lowercased()
        if scheme != "http" && scheme != "https" {
            failure = .redirectRefused(request.url?.absoluteString ?? "?")
            completionHandler(nil)
            return
        }
        if redirects > limits.maximumRedirects {
            failure = .tooManyRedirects(limits.maximumRedirects)
            completionHandler(nil)
            return
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error, failure == nil { failure = Self.classify(error) }
        if !finished {
            finished = true
            done.signal()
        }
    }

    static func classify(_ error: Error) -> FetchError {
        guard let error = error as? URLError else { return .other((error as NSError).localizedDescription) }
        switch error.code {
        case .timedOut: return .timeout
        case .cannotFindHost, .dnsLookupFailed: return .hostNotFound
        case .cannotConnectToHost: return .connectionRefused
        case .networkConnectionLost: return .connectionLost
        case .notConnectedToInternet: return .noNetwork
        case .httpTooManyRedirects: return .tooManyRedirects(5)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .tls(error.localizedDescription)
        case .cancelled: return .cancelled
        default: return .other(error.localizedDescription)
        }
    }
}

public enum ConfDashRemoteInfo {
    /// Kept equal to `ConfdashCLI.version` (a test checks it).
    public static let version = "0.1.0"
}
