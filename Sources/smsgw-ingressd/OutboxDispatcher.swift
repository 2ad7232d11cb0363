import GatewayCore
import GatewayStore
import Logging
import ServiceLifecycle

/// The upstream outbox's worker (DESIGN.md, MT step 5 and MO): forwards ready inbound messages
/// into the outbox, claims due entries (with a lease, so a crash loses nothing), gives each to
/// the first route that takes it, and records the outcome: done, retried after an exponential
/// back-off (`[delivery]`), given up after `max_attempts`, or held (no route: no attempt spent)
/// until a route opens. Woken by `poke()` (queued's `ingressd.wake` datagrams, a receiver
/// binding) and every `sweepInterval` anyway.
actor OutboxDispatcher: Service {
    private let store: OutboxStore
    private let routes: [UpstreamRoute]
    private let forwarder: InboundForwarder
    private let settings: DeliverySettings
    private let logger: Logger
    private let sweepInterval: Duration
    /// How long a claim lasts: longer than any channel's answer time (deliver_sm: 10 s).
    let lease: Duration = .seconds(60)
    private let batchLimit = 100
    private let pokes: AsyncStream<Void>
    private let pokeSink: AsyncStream<Void>.Continuation
    /// Accounts whose receiver just bound (from `ReceiverRegistry`).
    private let binds: AsyncStream<String>
    /// Entries delivered, retried, held, given up (for tests and the log).
    private(set) var counts: [String: Int] = [:]

    init(store: OutboxStore, routes: [UpstreamRoute], forwarder: InboundForwarder, settings: DeliverySettings,
         binds: AsyncStream<String>, sweepInterval: Duration = .seconds(1), logger: Logger) {
        self.binds = binds
        (self.store, self.routes, self.forwarder, self.settings) = (store, routes, forwarder, settings)
        (self.sweepInterval, self.logger) = (sweepInterval, logger)
        (pokes, pokeSink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a turn now (coalesced).
    nonisolated func poke() { pokeSink.yield() }

    /// A receiver of `account` bound: its held entries are due now, and a turn runs.
    func released(account: String) async {
        let now = Timestamp.wallClock
        do {
            let count = try await store.releaseHeld(account: account, now: now, claimedUntil: now + lease)
            if count > 0 { logger.info("released held upstream entries", metadata: ["account": "\(account)", "entries": "\(count)"]) }
        } catch {
            logger.error("releasing held outbox entries of \(account) failed: \(error)")
        }
        poke()
    }

    func run() async throws {
        let interval = sweepInterval
        let sink = pokeSink
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    while !Task.isCancelled {
                        sink.yield()
                        try? await Task.sleep(for: interval)
                    }
                }
                group.addTask {
                    for await account in self.binds { await self.released(account: account) }
                }
                for await _ in pokes {
                    await turn()
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            sink.finish()
        }
    }

    /// Forward inbound, then claim and deliver until nothing more is due.
    func turn() async {
        do {
            _ = try await forwarder.forwardReady(now: .wallClock)
        } catch {
            logger.error("forwarding inbound messages failed: \(error)")
        }
        while true {
            let entries: [OutboxEntry]
            do {
                entries = try await store.claimDue(now: .wallClock, lease: lease, limit: batchLimit)
            } catch {
                logger.error("claiming outbox entries failed: \(error)")
                return
            }
            if entries.isEmpty { return }
            await withTaskGroup(of: Void.self) { group in
                for entry in entries { group.addTask { await self.dispatch(entry) } }
            }
            if entries.count < batchLimit { return }
        }
    }

    private func dispatch(_ entry: OutboxEntry) async {
        let item: UpstreamItem
        do {
            item = try await read(entry)
        } catch {
            await record(entry, .reject("\(error)"))
            return
        }
        for route in routes where await route.accepts(item) {
            let result = await route.channel.deliver(item)
            await record(entry, result, route: route.name)
            return
        }
        // No route: hold, without spending the attempt, until one opens (released(account:)).
        do {
            try await store.hold(entry.id, until: .wallClock + max(settings.retryDelayMax, lease * 2))
            count("held")
        } catch {
            logger.error("holding outbox entry \(entry.id) failed: \(error)")
        }
    }

    private func read(_ entry: OutboxEntry) async throws -> UpstreamItem {
        let content: UpstreamItem.Content
        switch entry.kind {
        case .dlr:
            let report = try DeliveryReportPayload(json: entry.payload)
            content = .dlr(report, try await store.receiptFacts(messageID: report.messageID, statusReportID: report.statusReportID))
        case .mo:
            content = .mo(try InboundPayload(json: entry.payload))
        }
        return UpstreamItem(entryID: entry.id, account: entry.account, attempts: entry.attempts, content: content)
    }

    private func record(_ entry: OutboxEntry, _ result: ChannelResult, route: String = "none") async {
        let now = Timestamp.wallClock
        let metadata: Logger.Metadata = ["outbox": "\(entry.id)", "kind": "\(entry.kind.rawValue)",
                                         "account": "\(entry.account)", "route": "\(route)", "attempt": "\(entry.attempts)"]
        do {
            switch result {
            case .delivered:
                try await store.complete(entry.id, now: now)
                count("delivered")
                logger.info("delivered upstream", metadata: metadata)
            case .retry(let reason):
                if let delay = settings.backOff(afterAttempt: entry.attempts) {
                    try await store.retry(entry.id, at: now + delay, error: reason)
                    count("retried")
                    logger.notice("upstream delivery will be retried in \(delay): \(reason)", metadata: metadata)
                } else {
                    try await store.giveUp(entry.id, now: now, error: "after \(entry.attempts) attempts: \(reason)")
                    count("dead")
                    logger.error("upstream delivery given up after \(entry.attempts) attempts: \(reason)", metadata: metadata)
                }
            case .reject(let reason):
                try await store.giveUp(entry.id, now: now, error: reason)
                count("dead")
                logger.error("upstream delivery rejected: \(reason)", metadata: metadata)
            }
        } catch {
            logger.error("recording the outcome of outbox entry \(entry.id) failed: \(error)", metadata: metadata)
        }
    }

    private func count(_ outcome: String) { counts[outcome, default: 0] += 1 }
}
