import GatewayCore
import GatewayStore
import GatewayTestSupport
@testable import IngressdDaemon
import Logging
import Testing

/// ingressd's upstream outbox worker in process (docs/ingressd.md, `OutboxDispatcher`): its
/// real store actor on a scratch SQLite file, a manual clock, and a fake upstream channel in
/// place of SMPP and HTTP. The entries are inbound messages as modemd stores them, which the
/// worker's own turn forwards into the outbox (`[inbound] default_account`).
@Suite("ingressd's upstream outbox in process", .timeLimit(.minutes(1)))
struct OutboxDispatcherTests {
    static let start = instant("2026-03-02T10:00:00Z")

    /// A retry waits `retry_delay`, doubled after each attempt up to `retry_delay_max`
    /// (10 s, 20 s, 40 s, then 60 s instead of 80 s): not a millisecond before, and at once when
    /// the clock reaches it.
    @Test func backOffDoublesUpToItsLongest() async throws {
        let loop = try OutboxLoop(delivery: DeliverySettings(retryDelay: .seconds(10), retryDelayMax: .seconds(60), maxAttempts: 6))
        await loop.channel.answer(Array(repeating: .retry("upstream unreachable"), count: 4))
        try loop.storeInbound("hello")
        await loop.dispatcher.turn()
        for wait in [10, 20, 40, 60] {
            let due = loop.clock.now() + .seconds(Int64(wait))
            loop.clock.advance(to: due - .milliseconds(1))
            await loop.dispatcher.turn()
            loop.clock.advance(to: due)
            await loop.dispatcher.turn()
        }
        #expect(await loop.channel.deliveries.map(\.at) == [0, 10, 30, 70, 130].map { Self.start + .seconds(Int64($0)) })
        #expect(await loop.channel.deliveries.map(\.attempt) == [1, 2, 3, 4, 5])
        #expect(try loop.entry() == "done 5")
    }

    /// After `max_attempts` failed deliveries the entry is given up (`dead`, with the last
    /// error), and nothing is tried again however long the clock runs on.
    @Test func givesUpAfterMaxAttempts() async throws {
        let loop = try OutboxLoop(delivery: DeliverySettings(retryDelay: .seconds(10), retryDelayMax: .seconds(60), maxAttempts: 3))
        await loop.channel.answer(Array(repeating: .retry("HTTP 503"), count: 10))
        try loop.storeInbound("hello")
        await loop.dispatcher.turn()
        loop.clock.advance(by: .seconds(10))
        await loop.dispatcher.turn()
        loop.clock.advance(by: .seconds(20))
        await loop.dispatcher.turn()
        loop.clock.advance(by: .seconds(86_400))
        await loop.dispatcher.turn()
        #expect(await loop.channel.deliveries.map(\.at) == [0, 10, 30].map { Self.start + .seconds(Int64($0)) })
        #expect(try loop.entry() == "dead 3")
        #expect(try loop.lastError() == "after 3 attempts: HTTP 503")
    }

    /// A worker that claimed an entry and never settled it (its process died mid-delivery)
    /// holds it for the lease (60 s): another worker on the same store does not claim it a
    /// millisecond before the lease ends, and delivers it once it has.
    @Test func aClaimIsTakenAgainWhenItsLeaseEnds() async throws {
        let first = try OutboxLoop(delivery: DeliverySettings(retryDelay: .seconds(10), retryDelayMax: .seconds(60), maxAttempts: 6))
        await first.channel.hang()
        try first.storeInbound("hello")
        let stuck = Task { await first.dispatcher.turn() }
        try await waitUntil("the first worker's delivery") { await first.channel.deliveries.count == 1 }

        let second = try OutboxLoop(sharing: first)
        first.clock.advance(by: .milliseconds(59_999))
        await second.dispatcher.turn()
        #expect(await second.channel.deliveries.isEmpty, "claimed while the first claim's lease ran")
        first.clock.advance(by: .milliseconds(1))
        await second.dispatcher.turn()
        #expect(await second.channel.deliveries.map(\.attempt) == [2])
        #expect(try second.entry() == "done 2")

        await first.channel.release(.retry("answered after its lease"))
        await stuck.value
        #expect(try second.entry() == "done 2", "a late outcome changed a settled entry")
    }

    /// Running as in the daemon: nobody pokes the worker, yet a retry goes when the clock
    /// passes it — the safety-net sweep waits on the clock (every second) and turns.
    @Test func theSweepTurnsOnItsClock() async throws {
        let loop = try OutboxLoop(delivery: DeliverySettings(retryDelay: .seconds(10), retryDelayMax: .seconds(60), maxAttempts: 6))
        await loop.channel.answer([.retry("upstream unreachable")])
        try loop.storeInbound("hello")
        let running = Task { try await loop.dispatcher.run() }
        try await waitUntil("the first delivery") { await loop.channel.deliveries.count == 1 }
        for _ in 1...10 {
            try await waitUntil("the sweep waiting on the clock") { loop.clock.sleeperCount >= 1 }
            loop.clock.advance(by: .seconds(1))
        }
        try await waitUntil("the retry") { await loop.channel.deliveries.count == 2 }
        #expect(await loop.channel.deliveries.map(\.at) == [Self.start, Self.start + .seconds(10)])
        running.cancel()
        try await running.value
    }
}

/// The outbox worker over a scratch store, with a fake channel as its only route.
final class OutboxLoop: Sendable {
    let scratch: LoopScratch
    let clock: ManualClock
    let store: OutboxStore
    let channel: FakeUpstreamChannel
    let dispatcher: OutboxDispatcher
    let delivery: DeliverySettings
    private let bindSink: AsyncStream<String>.Continuation

    convenience init(delivery: DeliverySettings) throws {
        let scratch = try LoopScratch()
        try self.init(scratch: scratch, clock: ManualClock(start: OutboxDispatcherTests.start), delivery: delivery)
    }

    /// Another worker on `other`'s store and clock (as a restarted ingressd would be).
    convenience init(sharing other: OutboxLoop) throws {
        try self.init(scratch: other.scratch, clock: other.clock, delivery: other.delivery)
    }

    private init(scratch: LoopScratch, clock: ManualClock, delivery: DeliverySettings) throws {
        self.scratch = scratch
        self.clock = clock
        self.delivery = delivery
        channel = FakeUpstreamChannel(clock: clock)
        store = try OutboxStore(path: scratch.databasePath, now: clock.now())
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let forwarder = InboundForwarder(store: store, settings: InboundSettings(defaultAccount: "acme", replyWindow: .seconds(3600)),
                                         accounts: ["acme"], logger: logger)
        let (binds, bindSink) = AsyncStream.makeStream(of: String.self)
        self.bindSink = bindSink
        let channel = channel
        dispatcher = OutboxDispatcher(store: store, routes: [UpstreamRoute(name: "fake", accepts: { _ in true }, channel: channel)],
                                      forwarder: forwarder, settings: delivery, accounts: ["acme"], binds: binds, clock: clock,
                                      logger: logger)
    }

    deinit { bindSink.finish() }

    /// An inbound message as modemd stores it (complete: one part).
    func storeInbound(_ text: String) throws {
        let database = try scratch.database(now: clock.now())
        let modem = try database.upsertModem(name: "m1", device: "/dev/null", now: clock.now())
        _ = try database.storeInboundPart(NewInboundPart(modemID: modem, simID: nil, originator: "+31611111111", concatenation: nil,
                                                         pduHex: "00", text: text, serviceCentreTime: nil, receivedAt: clock.now()))
    }

    /// The outbox entry's state and attempts ("done 5").
    func entry() throws -> String? {
        try scratch.database(now: clock.now()).connection.queryFirst("SELECT state, attempts FROM upstream_outbox") {
            "\($0.text(0)) \($0.int(1))"
        }
    }

    func lastError() throws -> String? {
        try scratch.database(now: clock.now()).connection.queryFirst("SELECT last_error FROM upstream_outbox") { $0.optionalText(0) }
            ?? nil
    }
}

/// An upstream channel that answers from a script (`delivered` once it runs out) and records
/// each delivery with the clock's time; `hang()` makes the next delivery wait until `release`.
actor FakeUpstreamChannel: UpstreamChannel {
    struct Delivery: Sendable {
        var entry: Int64
        var attempt: Int
        var at: Timestamp
    }

    private(set) var deliveries: [Delivery] = []
    private var script: [ChannelResult] = []
    private var hanging = false
    private var held: CheckedContinuation<ChannelResult, Never>?
    private let clock: any DaemonClock

    init(clock: any DaemonClock) { self.clock = clock }

    func answer(_ results: [ChannelResult]) { script += results }

    func hang() { hanging = true }

    func release(_ result: ChannelResult) {
        held?.resume(returning: result)
        held = nil
    }

    func deliver(_ item: UpstreamItem) async -> ChannelResult {
        deliveries.append(Delivery(entry: item.entryID, attempt: item.attempts, at: clock.now()))
        if hanging {
            hanging = false
            return await withCheckedContinuation { held = $0 }
        }
        return script.isEmpty ? .delivered : script.removeFirst()
    }
}
