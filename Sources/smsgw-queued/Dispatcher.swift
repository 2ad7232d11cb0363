import GatewayCore
import GatewayIPC
import GatewayStore
import Logging
import ServiceLifecycle

/// The queue's work loop (issue 4; DESIGN.md MT step 3): on every kick — a wake-up from
/// ingress, a send finished, a status report stored, a modem changed, the tick — it sweeps when
/// due, correlates status reports, and gives each ready, idle modem one message: pick, route,
/// choose a SIM, begin the attempt (charging the SIM in the same transaction), send to modemd.
/// One message in flight per modem; sends run as child tasks; their outcomes are recorded as
/// they come (see Dispatcher+Outcomes.swift).
actor Dispatcher: Service {
    /// A modem modemd reports ready, on a SIM the store knows.
    struct ReadyModem: Sendable, Equatable {
        var name: String
        var modemID: Int64
        var iccid: String
        var simID: Int64
        var groups: [String]
        var limits: SIMLimits
    }

    /// One send handed to modemd.
    struct Job: Sendable {
        var messageID: Int64
        var attemptID: Int64
        var modem: String
        var simID: Int64
        var partIDs: [Int64]
        var request: ModemdSendRequest
    }

    let configuration: GatewayConfiguration
    let settings: QueueSettings
    let store: QueueStore
    let link: ModemdLink
    let logger: Logger
    let metrics: QueueMetrics
    private let kicks: AsyncStream<Void>
    private let kickSink: AsyncStream<Void>.Continuation

    private(set) var modems: [ReadyModem] = []
    private(set) var modemdConnected = false
    private(set) var inFlight: [String: Int64] = [:]
    private(set) var pausedModems: Set<String> = []
    private(set) var pausedSIMs: Set<String> = []
    private(set) var progress = 0
    private(set) var lastTurn = Monotonic.milliseconds
    var lastSent: [Int64: Int64] = [:]
    var nextAllowed: [Int64: Int64] = [:]
    /// SIMs a message failed on temporarily: its retry prefers others (issue 4, "Outcomes").
    var avoid: [Int64: Set<Int64>] = [:]
    private var reportsDue = true
    private var lastSweep: Int64 = 0
    private var modemIDs: [String: Int64] = [:]
    private var simIDs: [String: Int64] = [:]

    init(configuration: GatewayConfiguration, settings: QueueSettings, store: QueueStore, link: ModemdLink,
         metrics: QueueMetrics, logger: Logger) {
        self.configuration = configuration
        self.settings = settings
        self.store = store
        self.link = link
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
        } onGracefulShutdown: {
            // Stop taking new work; sends in flight finish and are recorded before run returns.
            self.kickSink.finish()
        }
    }

    /// One turn of the loop; returns the sends to start.
    private func turn() async -> [Job] {
        progress += 1
        lastTurn = Monotonic.milliseconds
        do {
            if lastTurn - lastSweep >= settings.sweepInterval.milliseconds {
                lastSweep = lastTurn
                reportsDue = true
                let (released, expired) = try await store.sweep()
                if released + expired > 0 { logger.info("sweep: \(released) released from hold, \(expired) expired") }
                metrics.count("expired", expired)
            }
            if reportsDue {
                reportsDue = false
                let result = try await store.correlateReports(window: settings.reportWindow, grace: settings.reportGrace)
                metrics.count("reports_matched", result.matched)
                metrics.count("reports_unmatched", result.unmatched)
                metrics.count("dlrs_queued", result.dlrs)
            }
            return try await fill()
        } catch {
            logger.error("queue turn failed: \(error)")
            return []
        }
    }

    /// Gives each idle ready modem one message, best first, through a SIM with room.
    private func fill() async throws -> [Job] {
        var candidates: [SIMCandidate] = []
        let now = Timestamp.wallClock
        for modem in modems where inFlight[modem.name] == nil && !pausedModems.contains(modem.name)
            && !pausedSIMs.contains(modem.iccid) {
            let counts = try await store.sentCounts(simID: modem.simID, at: now)
            candidates.append(SIMCandidate(
                modem: modem.name, modemID: modem.modemID, iccid: modem.iccid, simID: modem.simID, groups: modem.groups,
                limits: modem.limits, sentThisHour: counts.hour, sentToday: counts.day, sentThisMonth: counts.month,
                lastSentAt: lastSent[modem.simID] ?? 0, nextAllowedAt: nextAllowed[modem.simID] ?? 0))
        }
        guard !candidates.isEmpty else { return [] }
        var jobs: [Job] = []
        for message in try await store.pick(limit: settings.pickBatch) where !candidates.isEmpty && !message.parts.isEmpty {
            let group = configuration.routing.group(for: RoutableMessage(
                destination: message.destination, account: message.account, messageClass: message.messageClass))
            let nowMonotonic = Monotonic.milliseconds
            guard let sim = SIMChoice.choose(group: group, parts: message.parts.count, among: candidates,
                                             avoiding: avoid[message.id] ?? [], nowMonotonic: nowMonotonic)
            else { continue }
            let attemptID: Int64
            do {
                attemptID = try await store.begin(messageID: message.id, modemID: sim.modemID, simID: sim.simID)
            } catch let error as StoreError {
                logger.debug("message \(message.id) not begun: \(error)")  // cancelled meanwhile
                continue
            }
            candidates.removeAll { $0.modem == sim.modem }
            inFlight[sim.modem] = message.id
            lastSent[sim.simID] = nowMonotonic
            nextAllowed[sim.simID] = nowMonotonic + Self.gap(sim.limits.cooldown)
            metrics.count("attempts", 1)
            jobs.append(Job(
                messageID: message.id, attemptID: attemptID, modem: sim.modem, simID: sim.simID,
                partIDs: message.parts.map(\.id),
                request: ModemdSendRequest(modem: sim.modem, parts: message.parts.map {
                    // The store holds TPDUs; "00" asks the modem to use the SIM's SMSC (3GPP TS 27.005 §3.1).
                    ModemdSendRequest.Part(pdu: "00" + $0.pduHex, tpduLength: $0.pduHex.utf8.count / 2)
                })))
        }
        return jobs
    }

    /// The pacing gap before a SIM's next message: its cooldown plus up to half of it again at
    /// random, so the rhythm does not look machine-made (issue 4, "human" pacing).
    static func gap(_ cooldown: Duration) -> Int64 {
        let base = cooldown.milliseconds
        return base + (base > 0 ? Int64.random(in: 0...(base / 2)) : 0)
    }

    /// modemd's status (nil: unreachable): the ready modems and the SIM each runs on.
    func modemsSeen(_ statuses: [ModemdModemStatus]?) async {
        modemdConnected = statuses != nil
        var ready: [ReadyModem] = []
        for status in statuses ?? [] where status.state == ModemState.ready.rawValue {
            guard let iccid = status.iccid, let ids = try? await ids(modem: status.id, iccid: iccid) else { continue }
            let configured = configuration.sims.first { $0.enabled && $0.modem == status.id && $0.slot == status.slot }
            if configured == nil, configuration.sims.contains(where: { $0.modem == status.id && $0.slot == status.slot }) {
                continue  // configured but disabled
            }
            ready.append(ReadyModem(
                name: status.id, modemID: ids.modem, iccid: iccid, simID: ids.sim,
                groups: configured?.groups ?? [configuration.routing.defaultGroup],
                limits: configured?.limits ?? configuration.simDefaults))
        }
        if ready != modems {
            logger.info("ready modems: \(ready.map { "\($0.name)(\($0.iccid))" }.joined(separator: ", "))")
            modems = ready
            kickSink.yield()
        }
    }

    private func ids(modem: String, iccid: String) async throws -> (modem: Int64, sim: Int64)? {
        if modemIDs[modem] == nil { modemIDs[modem] = try await store.modemID(named: modem) }
        if simIDs[iccid] == nil { simIDs[iccid] = try await store.simID(iccid: iccid) }
        guard let modemID = modemIDs[modem], let simID = simIDs[iccid] else { return nil }
        return (modemID, simID)
    }

    func finished(_ job: Job) {
        inFlight[job.modem] = nil
        kickSink.yield()
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

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
