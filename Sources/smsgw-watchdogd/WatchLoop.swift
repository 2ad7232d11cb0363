import GatewayCore
import GatewayDaemon
import GatewayStore
import Logging
import ServiceLifecycle
import SystemBridge
import WatchdogPolicy

/// The working loop (docs/watchdogd.md): every `health_interval` it asks every daemon, measures
/// the box, lets the policy judge, carries out what it decides, writes the snapshot, and only
/// then feeds the hardware watchdog and pets systemd's — so a stuck loop feeds nothing.
actor WatchLoop: Service {
    private let probes: HealthProbes
    private let escalator: Escalator
    private let store: WatchStore
    private let feeder: HardwareFeeder
    private var settings: PolicySettings
    private var thresholds: BoxThresholds
    /// A reload's `[watchdog]`, taken at the start of the next turn.
    private var reloaded: WatchdogSettings?
    private let interval: Duration
    private let storePath: String
    private let logger: Logger

    private var daemons: [WatchedDaemon: DaemonWatch]
    private var modems: [String: ModemWatch] = [:]
    private var box = BoxWatch()
    private var details: [String: String] = [:]
    private var escalations: [String: (step: String, at: Timestamp, reason: String)] = [:]
    private var integrity: (result: String, at: Timestamp)?
    private(set) var turns = 0
    private(set) var lastTurn = MonotonicClock.milliseconds()

    init(probes: HealthProbes, escalator: Escalator, store: WatchStore, feeder: HardwareFeeder, settings: PolicySettings,
         thresholds: BoxThresholds, interval: Duration, storePath: String, logger: Logger) {
        self.probes = probes
        self.escalator = escalator
        self.store = store
        self.feeder = feeder
        self.settings = settings
        self.thresholds = thresholds
        self.interval = interval
        self.storePath = storePath
        self.logger = logger
        daemons = Dictionary(uniqueKeysWithValues: WatchedDaemon.allCases.map { ($0, DaemonWatch(daemon: $0)) })
    }

    nonisolated func run() async throws {
        let heartbeat = DaemonHeartbeat.make(logger: logger)
        let lane = heartbeat.register("watch loop")
        // The loop waits in slices no longer than the pet interval and beats after each, so a
        // service WatchdogSec shorter than health_interval is kept; a turn that hangs (a probe
        // that never returns) beats nothing, and the pets stop.
        let slice = min(interval, heartbeat.petInterval ?? interval)
        while !shutdownHasBegun {
            await turn()
            _ = heartbeat.beat(lane)
            var waited: Duration = .zero
            while waited < interval, await sleepUnlessShuttingDown(for: slice) {
                waited += slice
                _ = heartbeat.beat(lane)
            }
        }
        await feeder.close()
    }

    /// The integrity checker's latest `PRAGMA quick_check` answer.
    func integrityChecked(_ result: String) {
        integrity = (result, .wallClock)
        if result != "ok" { logger.critical("store integrity check: \(result)") }
    }

    /// Follows a reload: the escalation thresholds and the box's minimums, from the next turn.
    func reconfigure(_ watchdog: WatchdogSettings) {
        reloaded = watchdog
    }

    func turn() async {
        if let next = reloaded {
            reloaded = nil
            (settings, thresholds) = (next.policy, next.thresholds)
        }
        let probed = await probes.probe()
        let writeError = await store.probeWrite()
        if let writeError { logger.error("store not writable: \(writeError)") }
        let reading = BoxReading(storeWritable: writeError == nil, integrity: integrity?.result,
                                 diskFreeBytes: BoxProbes.freeDisk(at: BoxProbes.directory(of: storePath)),
                                 memoryAvailableBytes: BoxProbes.availableMemory())
        let now = MonotonicClock.milliseconds()
        var actions: [EscalationAction] = []
        for daemon in WatchedDaemon.allCases {
            guard let observation = probed.observations[daemon], var watch = daemons[daemon] else { continue }
            let before = watch.condition
            actions += watch.observe(observation, at: now, settings: settings)
            daemons[daemon] = watch
            switch observation {
            case .answered(let reading): details[daemon.rawValue] = watch.trouble ?? reading.detail
            case .silent(let why): details[daemon.rawValue] = "no answer: \(why)"
            }
            if before != watch.condition {
                logger.notice("\(daemon.rawValue): \(before.rawValue) → \(watch.condition.rawValue) (\(details[daemon.rawValue] ?? ""))")
            }
        }
        for (id, report) in probed.modems ?? [:] {
            var watch = modems[id] ?? ModemWatch(modem: id)
            actions += watch.observe(state: report.state, powerCycles: report.powerCycles, lastError: report.lastError,
                                     at: now, settings: settings)
            modems[id] = watch
        }
        actions += box.observe(reading, daemons: WatchedDaemon.allCases.compactMap { daemons[$0] }, at: now,
                               settings: settings, thresholds: thresholds)
        for action in actions {
            escalations[action.subject] = (action.step.rawValue, .wallClock, action.reason)
            await escalator.perform(action)
        }
        await saveSnapshot(reading)
        if box.feeding { await feeder.feedIfDue(now: MonotonicClock.milliseconds()) }
        turns += 1
        lastTurn = MonotonicClock.milliseconds()
    }

    private func saveSnapshot(_ reading: BoxReading) async {
        let now = Timestamp.wallClock
        let feeding = await feeder.feeding
        let boxState = !box.feeding ? "rebooting" : box.problems.isEmpty ? "healthy" : "degraded"
        var records = [HealthRecord(
            subject: "box", state: boxState,
            detail: box.rebootReason ?? (box.problems.isEmpty ? "all well" : box.problems.joined(separator: "; ")),
            diskFreeBytes: reading.diskFreeBytes, memoryAvailableBytes: reading.memoryAvailableBytes,
            storeWritable: reading.storeWritable, integrity: integrity?.result, integrityCheckedAt: integrity?.at,
            hardwareFeeding: feeding, checkedAt: now)]
        let monotonic = MonotonicClock.milliseconds()
        for daemon in WatchedDaemon.allCases {
            guard let watch = daemons[daemon] else { continue }
            records.append(HealthRecord(
                subject: daemon.rawValue, state: watch.condition.rawValue,
                detail: details[daemon.rawValue] ?? "not asked yet", pid: watch.lastPid,
                restartsLastHour: watch.restartsWithinHour(now: monotonic), checkedAt: now))
        }
        for (id, watch) in modems {
            let state = watch.state == "ready" ? "healthy" : watch.state == "resetting" ? "restarting" : "degraded"
            records.append(HealthRecord(subject: "modem:\(id)", state: state, detail: "modemd reports \(watch.state)",
                                        checkedAt: now))
        }
        for index in records.indices {
            guard let last = escalations[records[index].subject] else { continue }
            records[index].lastEscalation = last.step
            records[index].lastEscalationAt = last.at
            records[index].lastEscalationReason = last.reason
        }
        do { try await store.save(records) } catch { logger.error("could not save the health snapshot: \(error)") }
    }

    var hardwareFeeding: Bool? { get async { await feeder.feeding } }
}

/// `PRAGMA quick_check` every `integrity_check_interval` on its own connection, so a long
/// check never holds up the watch loop's turns (a failed check is the box's last rung).
struct IntegrityChecker: Service {
    let store: WatchStore
    let loop: WatchLoop
    let interval: Duration

    func run() async throws {
        await repeatUntilShutdown(every: interval) { await loop.integrityChecked(await store.quickCheck()) }
    }
}
