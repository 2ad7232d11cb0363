import GatewayCore
import GatewayDaemon
import GatewayStore
import Logging
import ServiceLifecycle

/// The upstream outbox's worker (docs/architecture.md, MT step 6 and MO): forwards ready inbound messages
/// into the outbox, claims due entries (with a lease, so a crash loses nothing), gives each to
/// the first route that takes it, and records the outcome: done, retried after an exponential
/// back-off (`[delivery]`), given up after `max_attempts`, or held (no route: no attempt spent)
/// until a route opens. Woken by `poke()` (`ingressd.wake` datagrams: queued put DLRs in it,
/// modemd stored a complete inbound message; a receiver binding) and every `sweepInterval`
/// anyway (a safety net for a lost datagram, and the clock of retries and holds). Time comes from
/// `clock` (the system's in the daemon, a manual one in tests): wall time for what is due, when a
/// retry or hold ends and what the store records; the sweep waits on it.
actor OutboxDispatcher: Service {
    private let store: OutboxStore
    private let routes: [UpstreamRoute]
    private var forwarder: InboundForwarder
    /// Accounts in the configuration: an entry for any other (removed since) is given up.
    private var accounts: Set<String>
    private var settings: DeliverySettings
    private let logger: Logger
    private let clock: any DaemonClock
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
         accounts: Set<String>, binds: AsyncStream<String>, sweepInterval: Duration = .seconds(1), clock: any DaemonClock,
         logger: Logger) {
        self.binds = binds
        self.accounts = accounts
        (self.store, self.routes, self.forwarder, self.settings) = (store, routes, forwarder, settings)
        (self.sweepInterval, self.clock, self.logger) = (sweepInterval, clock, logger)
        (pokes, pokeSink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Follows a reload: the accounts that exist (an entry for a removed one is given up),
    /// `[delivery]` (back-off, attempts) and `[inbound]` (reply window, default account) for
    /// the next entries; entries held or claimed stay where they are. A turn runs.
    func reconfigure(accounts: [UpstreamAccount], delivery: DeliverySettings, inbound: InboundSettings) {
        self.accounts = Set(accounts.map(\.id))
        settings = delivery
        forwarder.settings = inbound
        forwarder.accounts = Set(accounts.filter(\.enabled).map(\.id))
        poke()
    }

    /// Asks for a turn now (coalesced).
    nonisolated func poke() { pokeSink.yield() }

    /// A receiver of `account` bound: its held entries are due now, and a turn runs.
    func released(account: String) async {
        let now = clock.now()
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
        let clock = clock
        let sink = pokeSink
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    while !Task.isCancelled {
                        sink.yield()
                        try? await clock.sleep(for: interval)
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
            _ = try await forwarder.forwardReady(now: clock.now())
        } catch {
            logger.error("forwarding inbound messages failed: \(error)")
        }
        while true {
            let entries: [OutboxEntry]
            do {
                entries = try await store.claimDue(now: clock.now(), lease: lease, limit: batchLimit)
            } catch {
                logger.error("claiming outbox entries failed: \(error)")
                return
            }
            if entries.isEmpty { return }
            let outcomes = await withTaskGroup(of: OutboxOutcome.self) { group in
                for entry in entries { group.addTask { await self.dispatch(entry) } }
                var outcomes: [OutboxOutcome] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            do {
                _ = try await store.settle(outcomes, now: clock.now())
            } catch {
                // The claims' leases end and the entries are claimed again: nothing is lost.
                logger.error("recording \(outcomes.count) outbox outcomes failed: \(error)")
                return
            }
            if entries.count < batchLimit { return }
        }
    }

    /// Delivers one entry through the first route that takes it; its outcome.
    private func dispatch(_ entry: OutboxEntry) async -> OutboxOutcome {
        guard accounts.contains(entry.account) else {
            return outcome(entry, .reject("account \"\(entry.account)\" is not in the configuration"))
        }
        let item: UpstreamItem
        do {
            item = try await read(entry)
        } catch {
            return outcome(entry, .reject("\(error)"))
        }
        for route in routes where await route.accepts(item) {
            return outcome(entry, await route.channel.deliver(item), route: route.name)
        }
        // No route: hold, without spending the attempt, until one opens (released(account:)).
        count("held")
        return .held(entry.id, until: clock.now() + max(settings.retryDelayMax, lease * 2))
    }

    private func read(_ entry: OutboxEntry) async throws -> UpstreamItem {
        let content: UpstreamItem.Content
        switch entry.kind {
        case .dlr:
            let report = try DeliveryReportPayload(json: entry.payload)
            content = .dlr(report, try await store.receiptFacts(of: report))
        case .mo:
            content = .mo(try InboundPayload(json: entry.payload))
        }
        return UpstreamItem(entryID: entry.id, account: entry.account, attempts: entry.attempts, content: content)
    }

    /// The outcome to record for a channel's result: retries back off (`[delivery]`) until
    /// `max_attempts`, then the entry is dead.
    private func outcome(_ entry: OutboxEntry, _ result: ChannelResult, route: String = "none") -> OutboxOutcome {
        let metadata: Logger.Metadata = ["outbox": "\(entry.id)", "kind": "\(entry.kind.rawValue)",
                                         "account": "\(entry.account)", "route": "\(route)", "attempt": "\(entry.attempts)"]
        switch result {
        case .delivered:
            count("delivered")
            logger.debug("delivered upstream", metadata: metadata)
            return .done(entry.id)
        case .retry(let reason):
            guard let delay = settings.backOff(afterAttempt: entry.attempts) else {
                count("dead")
                logger.error("upstream delivery given up after \(entry.attempts) attempts: \(reason)", metadata: metadata)
                return .dead(entry.id, error: "after \(entry.attempts) attempts: \(reason)")
            }
            count("retried")
            logger.notice("upstream delivery will be retried in \(delay): \(reason)", metadata: metadata)
            return .retry(entry.id, at: clock.now() + delay, error: reason)
        case .reject(let reason):
            count("dead")
            logger.error("upstream delivery rejected: \(reason)", metadata: metadata)
            return .dead(entry.id, error: reason)
        }
    }

    private func count(_ outcome: String) { counts[outcome, default: 0] += 1 }
}
