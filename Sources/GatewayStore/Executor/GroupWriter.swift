import GatewayCore

/// One connection shared by many independent writers, with group commit: the writes that
/// arrive while a commit is waiting for its fsync are made durable together by the next one.
///
/// modemd has one session per modem and every session writes (its state, inbound parts, status
/// reports). With one transaction per write, modem 3's report would wait for modem 1's and
/// modem 2's fsyncs in turn — the more modems, the longer the line. Here it waits for at most
/// the commit in flight and then its own batch's. Each write is still all-or-nothing on its own
/// (a savepoint of the batch's transaction, `SQLiteConnection.batch`): one that throws is
/// undone alone and its caller gets the error; a commit that fails fails every write in it.
///
/// Runs on a ``DatabaseThread``, never on Swift's cooperative pool.
public actor GroupWriter {
    private let thread: DatabaseThread
    public nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }

    private let database: GatewayDatabase
    private var pending: [any BatchedWrite] = []
    /// A write has yielded to collect the others and will commit them: later ones wait for it.
    private var leaderWaiting = false
    /// The sizes of the last 100 commits (for tests and diagnostics).
    public private(set) var batchSizes: [Int] = []

    /// Opens (and migrates, `now` stamping the migrations) the store at `path`, for writes on a
    /// thread named `threadName`.
    public init(path: String, threadName: String, now: Timestamp) throws {
        thread = try DatabaseThread(name: threadName)
        database = try GatewayDatabase(path: path, now: now)
    }

    /// Calls queued for the writer's thread and not yet started (a diagnostic; tests wait on it).
    public nonisolated var waitingCallCount: Int { thread.waitingJobCount }

    /// Runs `body` as one all-or-nothing write and returns its value once it is durable.
    public func write<T: Sendable>(_ body: @escaping @Sendable (GatewayDatabase) throws -> T) async throws -> T {
        let item = PendingWrite(body)
        pending.append(item)
        if leaderWaiting {
            return try await withCheckedThrowingContinuation { item.continuation = $0 }
        }
        // Lead this batch: let the jobs already queued on the thread (other writers' calls, which
        // each append and suspend above) run first, then commit everything pending at once.
        leaderWaiting = true
        await Task.yield()
        leaderWaiting = false
        commitPending()
        return try item.outcome()
    }

    private func commitPending() {
        let batch = pending
        pending = []
        do {
            try database.connection.batch {
                for item in batch { item.perform(on: database) }
            }
            for item in batch { item.finish(commitError: nil) }
        } catch {
            for item in batch { item.finish(commitError: error) }
        }
        batchSizes.append(batch.count)
        if batchSizes.count > 100 { batchSizes.removeFirst(batchSizes.count - 100) }
    }
}

/// A write waiting in a batch, whatever it returns.
private protocol BatchedWrite: AnyObject {
    /// Runs the write in its own savepoint and keeps its result (value or error).
    func perform(on database: GatewayDatabase)
    /// After the batch's commit: hands the caller its result, or the commit's error.
    func finish(commitError: (any Error)?)
}

/// Confined to the writer's actor (created, filled and resumed there).
private final class PendingWrite<T: Sendable>: BatchedWrite {
    let body: @Sendable (GatewayDatabase) throws -> T
    var result: Result<T, any Error>?
    var continuation: CheckedContinuation<T, any Error>?

    init(_ body: @escaping @Sendable (GatewayDatabase) throws -> T) {
        self.body = body
    }

    func perform(on database: GatewayDatabase) {
        result = Result { try database.connection.transaction { try body(database) } }
    }

    func finish(commitError: (any Error)?) {
        if let commitError { result = .failure(commitError) }
        if let continuation {
            self.continuation = nil
            continuation.resume(with: outcomeResult())
        }
    }

    func outcome() throws -> T {
        try outcomeResult().get()
    }

    private func outcomeResult() -> Result<T, any Error> {
        // Every write of a batch is performed before any is finished; `nil` cannot reach here.
        result ?? .failure(StoreError(.invalidRequest("a batched write finished before it ran"), path: ""))
    }
}
