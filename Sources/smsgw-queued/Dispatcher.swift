import GatewayCore
import GatewayDaemon
import GatewayIPC
import GatewayStore
import Logging
import QueueCore
import ServiceLifecycle
import SystemBridge

/// The queue's work loop (docs/architecture.md, MT step 3): on every kick — a wake-up from
/// ingress, a send finished, a status report stored, a modem changed, the tick — it sweeps when
/// due, correlates status reports, and gives each ready, idle modem one message: pick, route,
/// choose a SIM, begin the attempts (charging the SIMs in the same transaction), send to modemd.
/// One message in flight per modem; sends run as child tasks; their outcomes are recorded as
/// they come (see Dispatcher+Outcomes.swift). Every decision is QueueCore's (`decisions`).
/// Group commit (one fsync per turn): a turn makes one commit — the `sent` answers that came back
/// since the last turn (Dispatcher+SentAnswers.swift) and the attempts it begins — before any
/// of the new attempts' PDUs goes to modemd. Time comes from `clock` (the system's in the daemon,
/// a manual one in tests): wall time for what the store records and QueueCore judges (validity,
/// quiet hours, limits, pacing, back-offs), monotonic time for the sweep's period and turn ages.
actor Dispatcher: Service {
    /// A modem modemd reports ready, on a configured SIM the store knows.
    struct ReadyModem: Sendable, Equatable {
        var name: String
        var modemID: Int64
        /// The configured SIM (`[[sims]] id`) in its active slot.
        var sim: String
        var iccid: String
        var simID: Int64
    }

    /// One send handed to modemd.
    struct Job: Sendable {
        var messageID: Int64
        var attemptID: Int64
        var modem: String
        /// The configured SIM id.
        var sim: String
        var partIDs: [Int64]
        var request: ModemdSendRequest
        /// The SIM counter windows its begin charged: refunded there if the send never
        /// reaches the modem, whatever the date is by then.
        var charged: SimCounterWindows
    }

    /// What the loop follows: the start-up file with the sections a reload applied since.
    private(set) var configuration: GatewayConfiguration
    private(set) var decisions: QueueDecisions
    /// A reload's configuration, taken at the start of the next turn (never mid-turn: one
    /// turn's picks, routes and limits all come from one configuration).
    private var reloaded: GatewayConfiguration?
    let timings: QueuedTimings
    let store: QueueStore
    /// modemd, for sends (`ModemdLink` in the daemon).
    let link: any IPCPeer<ModemdProtocol>
    let clock: any DaemonClock
    let logger: Logger
    let metrics: QueueMetrics
    private let kicks: AsyncStream<Void>
    let kickSink: AsyncStream<Void>.Continuation

    var modems: [ReadyModem] = []
    /// modemd's last word on each modem, by id.
    var modemdStatuses: [String: ModemdModemStatus] = [:]
    var modemdConnected = false
    private(set) var inFlight: [String: Int64] = [:]
    var pausedModems: Set<String> = []
    var pausedSIMs: Set<String> = []
    private(set) var progress = 0
    /// When the last turn began (monotonic): `health` reports its age.
    private(set) var lastTurn: Duration
    /// When each SIM (config id) last sent and the pacing gap drawn then (QueueCore `SendPacing`).
    var lastSend: [String: (at: Timestamp, gap: Duration)] = [:]
    /// SIMs (config ids) a message failed on: its retry prefers others (docs/queued.md, "Outcomes").
    var avoid: [Int64: Set<String>] = [:]
    var random = SystemRandomNumberGenerator()
    var reportsDue = true
    /// When the last full sweep ran (monotonic): the periodic one, or `recover`'s; nil before the first.
    var lastSweep: Duration?
    /// `recover` requests waiting for the next turn's full sweep (Dispatcher+Recovery.swift).
    var recoveryWaiters: [CheckedContinuation<QueueRecovery, any Error>] = []
    var modemIDs: [String: Int64] = [:]
    var simIDs: [String: Int64] = [:]
    /// `sent` answers not yet committed; their modems stay in flight until they are.
    var sentAnswers: [SentAnswer] = []

    /// The daemon's heartbeat and this loop's lane: each turn beats (the only watchdog pets).
    let heartbeat: WorkLoopHeartbeat
    private let lane: WorkLoopHeartbeat.Lane
    let statusLine: StatusLine

    init(configuration: GatewayConfiguration, decisions: QueueDecisions, timings: QueuedTimings, store: QueueStore,
         link: any IPCPeer<ModemdProtocol>, clock: any DaemonClock, metrics: QueueMetrics, logger: Logger,
         heartbeat: WorkLoopHeartbeat, statusLine: StatusLine) {
        self.heartbeat = heartbeat
        self.lane = heartbeat.register("queue loop")
        self.statusLine = statusLine
        self.configuration = configuration
        self.decisions = decisions
        self.timings = timings
        self.store = store
        self.link = link
        self.clock = clock
        lastTurn = clock.monotonic()
        self.metrics = metrics
        self.logger = logger
        (kicks, kickSink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks the loop to look for work (coalesced: many kicks while busy are one turn).
    nonisolated func kick() { kickSink.yield() }

    func kick(reports: Bool) {
        if reports { reportsDue = true }
        kickSink.yield()
    }

    nonisolated func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await _ in kicks {
                    for job in await turn() {
                        group.addTask { await self.perform(job) }
                    }
                }
            }
            // Every send has ended (the group waited for them): commit the answers still gathered.
            await recordSentAnswers()
            await failRecoveries()
        } onGracefulShutdown: {
            // Stop taking new work; sends in flight finish and are recorded before run returns.
            self.kickSink.finish()
        }
    }

    /// Follows a reload (`ReloadPolicy.queued`): `[queue]`, `[[routes]]`, SIM groups and the
    /// limits of the SIMs that exist, from the next turn on. A turn runs.
    func reconfigure(_ configuration: GatewayConfiguration) {
        reloaded = configuration
        kickSink.yield()
    }

    /// One turn of the loop; returns the sends to start.
    func turn() async -> [Job] {
        if let next = reloaded {
            reloaded = nil
            configuration = next
            decisions = QueueDecisions(configuration: next, zone: decisions.calendar.zone)
        }
        progress += 1
        lastTurn = clock.monotonic()
        heartbeat.beat(lane)
        defer { statusLine.update(statusText) }
        let answers = takeSentAnswers()
        // Before anything begins: every live send is in flight on a modem or among the answers.
        await recoverIfAsked(live: Set(inFlight.values).union(answers.map(\.job.messageID)))
        do {
            if lastSweep.map({ lastTurn - $0 >= decisions.settings.sweepInterval }) ?? true {
                let (released, expired) = try await sweep()
                if released + expired > 0 { logger.info("sweep: \(released) released from hold, \(expired) expired") }
            }
            if reportsDue { _ = try await correlateReports() }
            let (plans, now) = try await fill()
            let windows = QueueStore.windows(containing: now, calendar: decisions.calendar)
            // The one commit of the turn; nothing after it throws, so from here on the answers are recorded.
            let results = try await store.recordAndBegin(answers.map { ($0.job.partIDs, $0.references) },
                                                         begin: plans.map { ($0.message.id, $0.ready.modemID, $0.ready.simID) },
                                                         at: now, charging: windows)
            sentAnswersRecorded(answers)
            if await store.outboxGrew() { ingressWake.send() }
            return begun(plans, results, now: now, charged: windows)
        } catch {
            logger.error("queue turn failed: \(error)")
            await recordEach(answers)
            return []
        }
    }

    /// Gives each idle ready modem one message, best first: QueueCore's `SendWindow` holds or
    /// expires it, `MessageRouter` names its group, `SIMSelector` chooses the SIM (sticky
    /// recipient, limits by the local calendar, pacing gap, SIMs a retry failed on last).
    private func fill() async throws -> (plans: [Plan], now: Timestamp) {
        let now = clock.now()
        var modemView = modemStatuses()
        guard modemView.values.contains(where: Self.canTakeWork) else { return ([], now) }
        var sims = try await simStatuses(modems: modemView, now: now)
        var plans: [Plan] = []
        // A short pick first, a few messages per idle modem; the full pick only when that page
        // was used up with modems still idle (what they can send lies deeper: limits, routes).
        let short = min(timings.pickBatch, modemView.values.filter(Self.canTakeWork).count * timings.pickPerIdleModem)
        var seen: Set<Int64> = []
        for limit in [short, timings.pickBatch] {
            let page = try await store.pick(limit: limit, now: now)
            let senders = try await lastSenders(to: page, now: now)
            for message in page where !message.parts.isEmpty && seen.insert(message.id).inserted {
                guard modemView.values.contains(where: Self.canTakeWork) else { return (plans, now) }
                if let plan = try await plan(message, now: now, modems: &modemView, sims: &sims,
                                             sticky: stickyHint(senders[message.destination])) {
                    plans.append(plan)
                }
            }
            if page.count < limit || limit >= timings.pickBatch { break }
        }
        return (plans, now)
    }

    /// QueueCore's decisions for one picked message; the modem and SIM chosen are marked busy
    /// and charged in this turn's view. Nil when it does not go now.
    private func plan(_ message: SendableMessage, now: Timestamp, modems modemView: inout [String: QueueCore.ModemStatus],
                      sims: inout [String: SIMStatus], sticky: StickyHint?) async throws -> Plan? {
        switch decisions.window.decide(messageClass: message.messageClass, notBefore: nil,
                                       expiresAt: message.expiresAt, now: now) {
        case .sendNow: break
        case .expire(let reason):
            if try await store.expire(message.id, reason: reason, now: now) { metrics.count("expired", 1) }
            return nil
        case .hold(let until, let reason):
            if try await store.hold(message.id, until: until, reason: reason.rawValue, now: now) { metrics.count("held", 1) }
            return nil
        }
        let route: RouteChoice
        switch decisions.router.route(RoutableMessage(
            destination: message.destination, account: message.account, messageClass: message.messageClass)) {
        case .success(let choice): route = choice
        case .failure(let error):
            logger.warning("message \(message.id) cannot be routed: \(error)")
            return nil
        }
        let selection = decisions.selector.select(
            among: route.sims.compactMap { sims[$0] }, modems: modemView, strategy: decisions.strategy(of: route.group),
            sticky: sticky, avoid: avoid[message.id] ?? [],
            parts: message.parts.count, now: now)
        guard case .chosen(let choice) = selection, let ready = modems.first(where: { $0.sim == choice.simID }) else { return nil }
        let parts = message.parts.count
        modemView[ready.name]?.inFlight += 1
        sims[choice.simID]?.counts.hour += parts
        sims[choice.simID]?.counts.day += parts
        sims[choice.simID]?.counts.month += parts
        let gap = decisions.pacing.gap(cooldown: sims[choice.simID]?.sim.limits.cooldown ?? .zero, using: &random)
        sims[choice.simID]?.lastSentAt = now
        sims[choice.simID]?.gapAfterLastSend = gap
        return Plan(message: message, ready: ready, sim: choice.simID, sticky: choice.reason == .sticky, gap: gap)
    }

    /// One send this turn decided on, not yet begun in the store.
    private struct Plan {
        var message: SendableMessage
        var ready: ReadyModem
        var sim: String
        var sticky: Bool
        var gap: Duration
    }

    /// The jobs of the attempts the turn's commit began: durable before any of their PDUs goes
    /// to modemd, so a crash from here on leaves them `pending` → `unknown`.
    private func begun(_ plans: [Plan], _ results: [Result<Int64, StoreError>], now: Timestamp,
                       charged windows: SimCounterWindows) -> [Job] {
        var jobs: [Job] = []
        for (plan, result) in zip(plans, results) {
            let attemptID: Int64
            switch result {
            case .success(let id): attemptID = id
            case .failure(let error):
                logger.debug("message \(plan.message.id) not begun: \(error)")  // cancelled meanwhile
                continue
            }
            lastSend[plan.sim] = (now, plan.gap)
            inFlight[plan.ready.name] = plan.message.id
            metrics.count("attempts", 1)
            if plan.sticky { metrics.count("sticky", 1) }
            jobs.append(Job(
                messageID: plan.message.id, attemptID: attemptID, modem: plan.ready.name, sim: plan.sim,
                partIDs: plan.message.parts.map(\.id),
                request: ModemdSendRequest(modem: plan.ready.name, parts: plan.message.parts.map {
                    // The store holds TPDUs; "00" asks the modem to use the SIM's SMSC (3GPP TS 27.005 §3.1).
                    ModemdSendRequest.Part(pdu: "00" + $0.pduHex, tpduLength: $0.pduHex.utf8.count / 2)
                }), charged: windows))
        }
        // A modem whose message was cancelled meanwhile is idle: look again.
        if jobs.count < plans.count { kickSink.yield() }
        return jobs
    }

    private static func canTakeWork(_ modem: QueueCore.ModemStatus) -> Bool {
        modem.state == .ready && !modem.paused && modem.inFlight == 0
    }

    /// The SIM that last sent to each recipient of `page` within `[queue].sticky_window` (one
    /// store call for the page; none when sticky routing is off).
    private func lastSenders(to page: [SendableMessage], now: Timestamp) async throws -> [String: LastSender] {
        guard decisions.settings.stickyWindow > .zero, !page.isEmpty else { return [:] }
        return try await store.lastSenders(to: Set(page.map(\.destination)), since: now - decisions.settings.stickyWindow)
    }

    /// A recipient's last sender as the selector takes it: the SIM by config id.
    private func stickyHint(_ last: LastSender?) -> StickyHint? {
        guard let last, let sim = modems.first(where: { $0.iccid == last.iccid })?.sim else { return nil }
        return StickyHint(simID: sim, sentAt: last.at)
    }

    func finished(_ job: Job) {
        release(job, endedAt: clock.now())
        kickSink.yield()
    }

    /// The modem of `job` is free again; the pacing gap runs from the end of the send.
    func release(_ job: Job, endedAt: Timestamp) {
        inFlight[job.modem] = nil
        if let last = lastSend[job.sim] { lastSend[job.sim] = (endedAt, last.gap) }
    }

    func setPaused(modem: String, _ paused: Bool) {
        if paused { pausedModems.insert(modem) } else { pausedModems.remove(modem) }
        kickSink.yield()
    }

    func setPaused(sim: String, _ paused: Bool) {
        if paused { pausedSIMs.insert(sim) } else { pausedSIMs.remove(sim) }
        kickSink.yield()
    }
}
