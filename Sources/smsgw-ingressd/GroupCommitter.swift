import GatewayCore
import GatewayStore
import Logging
import ServiceLifecycle

/// Group commit (DESIGN.md, MT steps 1-2): submits from every session wait here; the run loop
/// takes everything that has arrived (up to `maximumBatch`), commits it in ONE transaction,
/// then answers each waiter with its id (or the error) and calls `afterCommit` (the wake-up of
/// smsgw-queued). Nobody is answered before the transaction holding their message is durable.
/// There is no gather window: while one commit waits for its fsync the next submits pile up
/// and form the next batch, so a lone submit is not delayed and a busy bind fills batches.
actor GroupCommitter: Service {
    typealias Commit = @Sendable ([NewMessage]) async throws -> [AcceptOutcome]

    private struct Waiter {
        var message: NewMessage
        var continuation: CheckedContinuation<AcceptOutcome, any Error>
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

    init(maximumBatch: Int = 200, logger: Logger,
         commit: @escaping Commit, afterCommit: @escaping @Sendable (Int) -> Void) {
        self.maximumBatch = maximumBatch
        self.logger = logger
        self.commit = commit
        self.afterCommit = afterCommit
    }

    /// Returns what became of the message once it is durable (its id; for a reused idempotency
    /// key the earlier message's); throws what the commit threw.
    func submit(_ message: NewMessage) async throws -> AcceptOutcome {
        guard !stopped else { throw CommitterStopped() }
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(Waiter(message: message, continuation: continuation))
            if let idle {
                self.idle = nil
                idle.resume()
            }
        }
    }

    func run() async throws {
        await withGracefulShutdownHandler {
            while true {
                await self.waitForWork()
                if self.pending.isEmpty { break }  // stopped with nothing left
                await self.commitBatch()
            }
        } onGracefulShutdown: {
            Task { await self.stop() }
        }
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
        let count = min(pending.count, maximumBatch)
        let batch = Array(pending.prefix(count))
        pending.removeFirst(count)
        do {
            let outcomes = try await commit(batch.map(\.message))
            for (waiter, outcome) in zip(batch, outcomes) { waiter.continuation.resume(returning: outcome) }
            batchSizes.append(count)
            if batchSizes.count > 1_000 { batchSizes.removeFirst(batchSizes.count - 1_000) }
            afterCommit(count)
            logger.debug("group commit", metadata: ["messages": "\(count)"])
        } catch {
            logger.error("accept of \(count) message(s) failed: \(error)")
            for waiter in batch { waiter.continuation.resume(throwing: error) }
        }
    }
}

/// A submit that arrived after shutdown began.
struct CommitterStopped: Error, CustomStringConvertible {
    var description: String { "ingressd is shutting down" }
}
