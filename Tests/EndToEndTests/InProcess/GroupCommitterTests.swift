import GatewayCore
import GatewayStore
import GatewayTestSupport
@testable import IngressdDaemon
import Logging
import ServiceLifecycle
import Testing

/// ingressd's group commit in process (docs/ingressd.md): submits that arrive while a commit
/// waits for its fsync form the next batch, whole; a failed commit fails its own batch and
/// nobody else's; graceful shutdown answers every waiter before the loop ends. The commits are
/// the real store's accepts on a scratch SQLite file, each held at a gate until the test lets
/// it through, so "while a commit is in flight" is a state the test sets up, not a race.
@Suite("ingressd's group commit in process", .timeLimit(.minutes(1)))
struct GroupCommitterTests {
    static let start = instant("2026-03-02T10:00:00Z")

    /// The committer over the real store, its commits passing `gate` first.
    final class Fixture: Sendable {
        let scratch: LoopScratch
        let store: IngressStore
        let gate: CommitGate
        let committer: GroupCommitter
        /// The committer's service group: graceful shutdown is how its loop ends.
        let services: ServiceGroup

        init(maximumBatch: Int = 200) throws {
            scratch = try LoopScratch()
            let store = try IngressStore(path: scratch.databasePath, now: GroupCommitterTests.start)
            let gate = CommitGate()
            self.store = store
            self.gate = gate
            let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            committer = GroupCommitter(maximumBatch: maximumBatch, logger: logger,
                                       commit: { batch in
                                           await gate.pass(batch)
                                           return try await store.accept(batch, now: GroupCommitterTests.start)
                                       },
                                       afterCommit: { _ in })
            services = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: committer)], logger: logger))
        }

        /// Runs `body` with the committer's loop running; then shuts it down gracefully.
        func running(_ body: () async throws -> Void) async throws {
            let services = services
            let loop = Task { try await services.run() }
            do { try await body() } catch {
                await gate.open()
                await services.triggerGracefulShutdown()
                throw error
            }
            await services.triggerGracefulShutdown()
            try await loop.value
        }

        func message(_ number: Int, source: String = "ACME") -> NewMessage {
            var message = LoopScratch.message(to: "+3161\(String(format: "%07d", number))",
                                              expiresAt: GroupCommitterTests.start + .seconds(86_400))
            message.source = source
            return message
        }

        func stored() throws -> [String] {
            try scratch.database(now: GroupCommitterTests.start).connection.query(
                "SELECT destination FROM messages ORDER BY id") { $0.text(0) }
        }
    }

    /// While the first commit waits, three submits arrive (one a submit_multi of two): they
    /// are the next batch, committed together — at most `maximumBatch` (3) messages, whole
    /// submits only, so the last single one waits for a third batch.
    @Test func batchesWhatArrivesWhileACommitIsInFlight() async throws {
        let fixture = try Fixture(maximumBatch: 3)
        let committer = fixture.committer
        try await fixture.running {
            let first = Task { try await committer.submit(fixture.message(1)) }
            try await waitUntil("the first commit at the gate") { await fixture.gate.arrivals.count == 1 }
            let single = Task { try await committer.submit(fixture.message(2)) }
            try await waitUntil("one waiting") { await committer.waitingCount == 1 }
            let multi = Task { try await committer.submit(all: [fixture.message(3), fixture.message(4)]) }
            try await waitUntil("three waiting") { await committer.waitingCount == 3 }
            let last = Task { try await committer.submit(fixture.message(5)) }
            try await waitUntil("four waiting") { await committer.waitingCount == 4 }
            await fixture.gate.open()

            let ids = [try await first.value.messageID, try await single.value.messageID]
                + (try await multi.value).map(\.messageID) + [try await last.value.messageID]
            #expect(Set(ids).count == 5)
            #expect(await committer.batchSizes == [1, 3, 1])
            #expect(await fixture.gate.arrivals.map(\.count) == [1, 3, 1])
            #expect(try fixture.stored() == (1...5).map { "+3161\(String(format: "%07d", $0))" })
        }
    }

    /// The batch behind an in-flight commit holds a message the store refuses (a source over
    /// 21 characters fails its CHECK): that whole transaction rolls back and both its submitters
    /// get the error — the one before it and the one after it are stored and answered.
    @Test func aFailedCommitFailsExactlyItsBatch() async throws {
        let fixture = try Fixture()
        let committer = fixture.committer
        try await fixture.running {
            let before = Task { try await committer.submit(fixture.message(1)) }
            try await waitUntil("the first commit at the gate") { await fixture.gate.arrivals.count == 1 }
            let bad = Task { try await committer.submit(fixture.message(2, source: String(repeating: "X", count: 22))) }
            let good = Task { try await committer.submit(fixture.message(3)) }
            try await waitUntil("two waiting") { await committer.waitingCount == 2 }
            await fixture.gate.open()

            #expect(try await before.value.messageID > 0)
            await #expect(throws: (any Error).self) { try await bad.value }
            await #expect(throws: (any Error).self) { try await good.value }
            #expect(await committer.lastCommitFailed)
            let after = try await committer.submit(fixture.message(4))
            #expect(after.messageID > 0)
            #expect(await !committer.lastCommitFailed)
            #expect(await fixture.gate.arrivals.map(\.count) == [1, 2, 1])
            #expect(await committer.batchSizes == [1, 1])
            #expect(try fixture.stored() == ["+31610000001", "+31610000004"])
        }
    }

    /// Graceful shutdown with a commit in flight and two submits waiting: new submits are
    /// refused at once, the waiting ones are committed and answered, then the loop ends.
    @Test func shutdownAnswersEveryWaiter() async throws {
        let fixture = try Fixture()
        let committer = fixture.committer
        let services = fixture.services
        let running = Task { try await services.run() }
        let answered = Tally()
        func submit(_ number: Int) -> Task<AcceptOutcome, any Error> {
            Task {
                defer { Task { await answered.add() } }
                return try await committer.submit(fixture.message(number))
            }
        }
        let inFlight = submit(1)
        try await waitUntil("the first commit at the gate") { await fixture.gate.arrivals.count == 1 }
        let waiting = [submit(2), submit(3)]
        try await waitUntil("two waiting") { await committer.waitingCount == 2 }

        await services.triggerGracefulShutdown()
        try await waitUntil("submits refused") { await !committer.isAccepting }
        await #expect(throws: CommitterStopped.self) { try await committer.submit(fixture.message(4)) }
        await fixture.gate.open()
        try await waitUntil("the three submits answered") { await answered.count == 3 }
        #expect(try await inFlight.value.messageID > 0)
        for submit in waiting { #expect(try await submit.value.messageID > 0) }
        try await running.value  // the loop ended after answering them
        #expect(try fixture.stored().count == 3)
        #expect(await committer.batchSizes == [1, 2])
    }
}

/// Counts what happened, across tasks.
actor Tally {
    private(set) var count = 0
    func add() { count += 1 }
}

/// Holds every commit that reaches it until `open()`, then lets all through; records each
/// batch as it arrived.
actor CommitGate {
    private(set) var arrivals: [[NewMessage]] = []
    private var isOpen = false
    private var held: [CheckedContinuation<Void, Never>] = []

    func pass(_ batch: [NewMessage]) async {
        arrivals.append(batch)
        guard !isOpen else { return }
        await withCheckedContinuation { held.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in held { waiter.resume() }
        held = []
    }
}
