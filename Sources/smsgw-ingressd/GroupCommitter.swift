import GatewayCore
import GatewayStore
import Logging
import ServiceLifecycle
import SystemBridge

/// Group commit (docs/architecture.md, MT steps 1-2): submits from every session wait here; the run loop
/// takes everything that has arrived (up to `maximumBatch`), commits it in ONE transaction,
/// then answers each waiter with its id (or the error) and calls `afterCommit` (the wake-up of
/// smsgw-queued). Nobody is answered before the transaction holding their message is durable.
/// There is no gather window: while one commit waits for its fsync the next submits pile up
/// and form the next batch, so a lone submit is not delayed and a busy bind fills batches.
actor GroupCommitter: Service {
    typealias Commit = @Sendable ([NewMessage]) async throws -> [AcceptOutcome]

    /// One submit: a message, or the messages of one submit_multi (committed together, never
    /// split across batches).
    private struct Waiter {
        var messages: [NewMessage]
        var continuation: CheckedContinuation<[AcceptOutcome], any Error>
    }

    private let commit: Commit
    private let afterCommit: @Sendable (Int) -> Void
    private let maximumBatch: Int
    private let logger: Logger
    private var pending: [Waiter] = []
    private var idle: CheckedContinuation<Void, Never>?
    private var stopped = false
    /// Sizes of the batches committed so far (the last 1,000), for tests and the log.
    private(set) var batchSizes: [Int] = []
    /// Messages accepted durably since start, and whether the last commit failed (for `health`).
    private(set) var acceptedCount = 0
    private(set) var lastCommitFailed = false
    /// Takes submits: not stopped by graceful shutdown.
    var isAccepting: Bool { !stopped }
    /// Messages waiting for the next commit (the batch it will take, and any beyond).
    var waitingCount: Int { pending.reduce(0) { $0 + $1.messages.count } }

    /// The daemon's heartbeat and this loop's lane: each turn beats (the only watchdog pets).
    private let heartbeat: WorkLoopHeartbeat?
    private let lane: WorkLoopHeartbeat.Lane?
    /// Accepted since start, for the `STATUS=` line.
    private var accepted = 0
    private let statusLine: StatusLine?

    init(maximumBatch: Int = 200, logger: Logger, heartbeat: WorkLoopHeartbeat? = nil, statusLine: StatusLine? = nil,
         commit: @escaping Commit, afterCommit: @escaping @Sendable (Int) -> Void) {
        self.heartbeat = heartbeat
        self.lane = heartbeat?.register("group commit loop")
        self.statusLine = statusLine
        self.maximumBatch = maximumBatch
        self.logger = logger
        self.commit = commit
        self.afterCommit = afterCommit
    }

    /// Returns what became of the message once it is durable (its id; for a reused idempotency
    /// key the earlier message's); throws what the commit threw.
    func submit(_ message: NewMessage) async throws -> AcceptOutcome {
        let outcomes = try await submit(all: [message])
        guard let outcome = outcomes.first else { throw CommitterStopped() }
        return outcome
    }

    /// Several messages in the same transaction (submit_multi: all of them or none); their
    /// outcomes in order once durable.
    func submit(all messages: [NewMessage]) async throws -> [AcceptOutcome] {
        guard !stopped else { throw CommitterStopped() }
        guard !messages.isEmpty else { return [] }
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(Waiter(messages: messages, continuation: continuation))
            if let idle {
                self.idle = nil
                idle.resume()
            }
        }
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            while true {
                self.beat()
                await self.waitForWork()
                if self.pending.isEmpty {
                    if self.stopped { break }  // stopped with nothing left
                    continue  // a heartbeat tick (`tick()`) while idle
                }
                await self.commitBatch()
            }
        } onGracefulShutdown: {
            Task { await self.stop() }
        }
    }

    /// Wakes an idle loop for one empty turn, so an idle daemon still beats (a `Ticker` calls
    /// it every second); a loop stuck in a commit does not turn, and stops the pets. Also
    /// refreshes the `STATUS=` line (once a tick, not once a batch: it is a syscall).
    func tick() {
        statusLine?.update("accepting; \(accepted) message(s) accepted since start")
        if let idle {
            self.idle = nil
            idle.resume()
        }
    }

    private func beat() {
        if let heartbeat, let lane { heartbeat.beat(lane) }
    }

    private func stop() {
        stopped = true
        if let idle {
            self.idle = nil
            idle.resume()
        }
    }

    private func waitForWork() async {
        guard pending.isEmpty, !stopped else { return }
        await withCheckedContinuation { idle = $0 }
    }

    private func commitBatch() async {
        // Whole waiters up to `maximumBatch` messages (at least one waiter, however large).
        var taken = 0, count = 0
        while taken < pending.count, taken == 0 || count + pending[taken].messages.count <= maximumBatch {
            count += pending[taken].messages.count
            taken += 1
        }
        let batch = Array(pending.prefix(taken))
        pending.removeFirst(taken)
        do {
            var outcomes = try await commit(batch.flatMap(\.messages))[...]
            for waiter in batch {
                waiter.continuation.resume(returning: Array(outcomes.prefix(waiter.messages.count)))
                outcomes = outcomes.dropFirst(waiter.messages.count)
            }
            batchSizes.append(count)
            acceptedCount += count
            lastCommitFailed = false
            if batchSizes.count > 1_000 { batchSizes.removeFirst(batchSizes.count - 1_000) }
            afterCommit(count)
            accepted += count
            logger.debug("group commit", metadata: ["messages": "\(count)"])
        } catch {
            logger.error("accept of \(count) message(s) failed: \(error)")
            lastCommitFailed = true
            for waiter in batch { waiter.continuation.resume(throwing: error) }
        }
    }
}

/// A submit that arrived after shutdown began.
struct CommitterStopped: Error, CustomStringConvertible {
    var description: String { "ingressd is shutting down" }
}
