import GatewayCore
import GatewayDaemon
import GatewayIPC
import GatewayStore
import Logging
import QueueCore
import ServiceLifecycle
import SimPolicy
import SystemBridge

/// simd's work loop (docs/simd.md): each turn (every second, on modemd's events and on
/// requests) it reads what modemd reports, keeps the inventory in the store, quarantines SIMs
/// the evidence condemns, and asks the planner which SIM each modem should have on air. A
/// switch runs in its own child task (`Rotator+Switching`), one per modem at a time. Time comes
/// from `clock` (the system's in the daemon, a manual one in tests): wall time for states,
/// cool-downs, stints, limits and the local day; monotonic time for waits and turn ages.
actor Rotator: Service {
    /// What the loop follows: the start-up file with the sections a reload applied since.
    private(set) var configuration: GatewayConfiguration
    /// A reload's configuration, taken at the start of the next turn (never mid-turn).
    private var reloaded: GatewayConfiguration?
    let planner: RotationPlanner
    let store: SimdStore
    /// queued (pause, resume, status) and modemd (switch, USSD): `PeerLink`s in the daemon.
    let queued: any IPCPeer<QueuedProtocol>
    let modemd: any IPCPeer<ModemdProtocol>
    let logger: Logger
    let timings: SimdTimings
    let clock: any DaemonClock

    /// modemd's last word per modem (nil: unreachable).
    var modemStatuses: [String: ModemdModemStatus]?
    /// The stint of the SIM on air, per modem.
    var stints: [String: Stint] = [:]
    /// Stints an earlier run drew, by SIM (migration 11): a SIM still on air keeps its thresholds.
    var keptStints: [String: Stint] = [:]
    /// Modems a person asked to rotate.
    var rotateRequests: Set<String> = []
    /// Modems being switched now.
    var switching: Set<String> = []
    /// Modems held paused because no SIM of theirs may be on air.
    var idlePaused: Set<String> = []
    /// Modems simd paused in an earlier run (or whose resume failed): resumed when queued answers.
    var pendingResumes: Set<String> = []
    /// Switches and balance checks ended since start (a turn under way looks again after one).
    var switchesEnded = 0
    /// When each modem was last seen not ready (a SIM that is barred never gets it ready).
    var notReadySince: [String: Timestamp] = [:]
    /// When the last turn began (monotonic): `health` reports its age.
    private(set) var lastTurn: Duration
    private(set) var progress = 0
    /// The daemon's heartbeat and this loop's lane: each turn beats (the only watchdog pets).
    let heartbeat: WorkLoopHeartbeat
    private let lane: WorkLoopHeartbeat.Lane
    let statusLine: StatusLine
    nonisolated let kicks: AsyncStream<Void>
    nonisolated let kickSink: AsyncStream<Void>.Continuation

    init(configuration: GatewayConfiguration, calendar: LocalCalendar, store: SimdStore, queued: any IPCPeer<QueuedProtocol>,
         modemd: any IPCPeer<ModemdProtocol>, timings: SimdTimings, clock: any DaemonClock, logger: Logger,
         heartbeat: WorkLoopHeartbeat, statusLine: StatusLine) {
        self.heartbeat = heartbeat
        self.lane = heartbeat.register("rotation loop")
        self.statusLine = statusLine
        self.configuration = configuration
        self.planner = RotationPlanner(calendar: calendar)
        self.store = store
        self.queued = queued
        self.modemd = modemd
        self.timings = timings
        self.clock = clock
        lastTurn = clock.monotonic()
        self.logger = logger
        (kicks, kickSink) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    nonisolated func kick() { kickSink.yield() }

    func run() async throws {
        pendingResumes = Set((try? await store.pausedModems()) ?? [])
        keptStints = (try? await store.stints()) ?? [:]
        if !pendingResumes.isEmpty { logger.notice("resuming modems paused by the last run: \(pendingResumes.sorted().joined(separator: ", "))") }
        await withDiscardingTaskGroup { group in
            for await _ in kicks.cancelOnGracefulShutdown() {
                for job in await turn() {
                    switch job {
                    case .switchSIM(let plan): group.addTask { await self.perform(plan) }
                    case .balance(let plan): group.addTask { await self.performBalanceCheck(plan) }
                    }
                }
            }
        }
        kickSink.finish()
    }

    /// One turn: resumes left over, then each modem's decision; returns the switches and
    /// balance checks to run (at most one per modem).
    /// Follows a reload (`ReloadPolicy.simd`): limits, schedules, rotation and balance policies of
    /// the SIMs that exist, from the next turn on; a stint on air keeps the thresholds it drew.
    /// A turn runs.
    func reconfigure(_ configuration: GatewayConfiguration) {
        reloaded = configuration
        kick()
    }

    func turn() async -> [ModemJob] {
        if let next = reloaded {
            reloaded = nil
            configuration = next
        }
        lastTurn = clock.monotonic()
        progress += 1
        heartbeat.beat(lane)
        defer { statusLine.update(statusText) }
        let now = clock.now()
        var plans: [ModemJob] = []
        // Decisions first, then the resumes left over: a modem that must stay paused (no SIM
        // may be on air) is never resumed for a moment after a restart.
        if modemStatuses != nil { plans = await decideAll(now: now) }
        for modem in pendingResumes.sorted() where !switching.contains(modem) && !idlePaused.contains(modem) {
            if await resume(modem) { pendingResumes.remove(modem) }
        }
        return plans
    }

    /// Each modem is decided on what is known when its turn in the loop comes: the turn awaits
    /// the store between modems, and a switch that ends meanwhile (another task on this actor)
    /// has changed that modem's slot (modemd's event) and its SIMs' states — deciding on the
    /// turn's first view would switch it again, off the SIM it just put on air.
    private func decideAll(now: Timestamp) async -> [ModemJob] {
        var plans: [ModemJob] = []
        do {
            var states = try await store.states()
            var switchesSeen = switchesEnded
            for modem in configuration.modems where modem.enabled && !switching.contains(modem.id) {
                if switchesSeen != switchesEnded {
                    states = try await store.states()
                    switchesSeen = switchesEnded
                }
                let sims = configuration.sims.filter { $0.modem == modem.id }
                guard !sims.isEmpty, !switching.contains(modem.id), let status = modemStatuses?[modem.id] else { continue }
                if let plan = try await decide(modem: modem.id, sims: sims, status: status, states: &states, now: now) {
                    switching.insert(modem.id)
                    plans.append(.switchSIM(plan))
                } else if status.state == ModemState.ready.rawValue, !idlePaused.contains(modem.id),
                          let onAir = sims.first(where: { $0.slot == status.slot }), states[onAir.id]?.state == .active,
                          let check = try await balanceDue(modem: modem.id, sim: onAir, now: now) {
                    switching.insert(modem.id)
                    plans.append(.balance(check))
                }
            }
        } catch {
            logger.error("rotation turn failed: \(error)")
        }
        return plans
    }

    /// modemd's status (nil: unreachable).
    func modemsSeen(_ statuses: [ModemdModemStatus]?) async {
        guard let statuses else {
            modemStatuses = nil
            return
        }
        var seen = modemStatuses ?? [:]
        for status in statuses { await noteRegistration(status, previous: seen[status.id]); seen[status.id] = status }
        modemStatuses = seen
        kick()
    }

    /// A registration lost while a SIM is on air is block evidence (3GPP TS 27.007 §7.2:
    /// stat 1 home / 5 roaming → 0 not searching, 2 searching, 3 denied), kept in the store
    /// (`sim_registration_losses`) so a restart does not forget it.
    private func noteRegistration(_ status: ModemdModemStatus, previous: ModemdModemStatus?) async {
        let registered: (Int?) -> Bool = { $0 == 1 || $0 == 5 }
        guard let previous, previous.slot == status.slot, registered(previous.registration),
              let registration = status.registration, !registered(registration),
              let sim = configuration.sims.first(where: { $0.modem == status.id && $0.slot == status.slot })
        else { return }
        do { try await store.recordRegistrationLoss(sim: sim.id, registration: registration, at: clock.now()) } catch {
            logger.error("cannot record the registration loss of \(sim.id): \(error)")
        }
        logger.warning("\(sim.id) on \(status.id) lost registration (CREG \(registration))")
    }

    func requestRotation(_ modem: String) {
        rotateRequests.insert(modem)
        kick()
    }

    func finished(_ modem: String) {
        switching.remove(modem)
        switchesEnded += 1
        kick()
    }
}

/// What a turn hands to a child task for one modem (which is busy until it ends).
enum ModemJob: Sendable {
    case switchSIM(SwitchPlan)
    case balance(BalancePlan)
}

/// A switch the turn decided: `modem` leaves `from` (for `leaving`) for the first of `targets`
/// that switches.
struct SwitchPlan: Sendable {
    var modem: String
    var from: String?
    var leaving: OffAirReason?
    var targets: [(slot: Int, sim: String)]
}
