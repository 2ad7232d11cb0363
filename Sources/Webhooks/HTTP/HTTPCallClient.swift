import NIOPosix
import Synchronization

/// Calls upstream over HTTP(S) with libcurl, on a few dedicated threads (an `NIOThreadPool`) so
/// that a blocking call never holds a Swift concurrency thread. Each worker takes an idle easy
/// handle (or makes one), so connections to an upstream are kept alive between calls.
public final class HTTPCallClient: Sendable {
    private let pool: NIOThreadPool
    private let idle = Mutex<[CurlEasyHandle]>([])
    public let userAgent: String

    /// Starts `workers` threads: the number of calls in flight at once (the others wait).
    public init(workers: Int = 4, userAgent: String) {
        pool = NIOThreadPool(numberOfThreads: max(1, workers))
        pool.start()
        self.userAgent = userAgent
    }

    /// Performs `request` on a pool thread; waits (suspended) for its outcome.
    public func perform(_ request: HTTPCallRequest) async -> HTTPCallOutcome {
        let userAgent = userAgent
        do {
            return try await pool.runIfActive { self.performBlocking(request, userAgent: userAgent) }
        } catch {
            return .failed(HTTPCallError(.shutDown, detail: "the HTTP client is shut down"))
        }
    }

    /// On a pool thread: borrows an idle handle (or makes one), calls, gives the handle back.
    private func performBlocking(_ request: HTTPCallRequest, userAgent: String) -> HTTPCallOutcome {
        let curl: CurlLibrary
        switch CurlLibrary.shared {
        case .success(let library): curl = library
        case .failure(let error): return .failed(error)
        }
        guard let handle = idle.withLock({ $0.popLast() }) ?? CurlEasyHandle(curl) else {
            return .failed(HTTPCallError(.transfer, detail: "libcurl could not make a handle"))
        }
        defer { idle.withLock { $0.append(handle) } }
        return handle.perform(request, userAgent: userAgent)
    }

    /// Waits for the calls in flight, stops the threads and closes every kept connection.
    public func shutdown() async throws {
        try await pool.shutdownGracefully()
        idle.withLock { $0.removeAll() }
    }
}
