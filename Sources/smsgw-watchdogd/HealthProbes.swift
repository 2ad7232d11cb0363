import GatewayCore
import GatewayIPC
import WatchdogPolicy

/// One turn's answers from every daemon: the observation the policy judges, and modemd's
/// modems (id → what it said of each) when it answered `status`.
struct DaemonProbeResult: Sendable {
    var observations: [WatchedDaemon: DaemonObservation]
    var modems: [String: ModemReport]?
}

/// What modemd's `status` says of one modem, as `ModemWatch` takes it.
struct ModemReport: Sendable {
    var state: String
    /// Power cycles by modemd's own ladder since it started (`ladder_power_cycles`; modemd
    /// lists only counters that moved, so a missing one is 0).
    var powerCycles: Int?
    var lastError: String?
}

/// Asks each daemon for `health` (and queued and modemd for `status`, to judge progress) over
/// its control socket, all at once, each call bounded by `timeout`.
struct HealthProbes: Sendable {
    let modemd: DaemonLink<ModemdProtocol>
    let queued: DaemonLink<QueuedProtocol>
    let simd: DaemonLink<SimdProtocol>
    let ingressd: DaemonLink<IngressdProtocol>
    let timeout: Duration
    /// Messages waiting at least this long while a ready modem idles count as work not moving.
    let waitingWork: Int64

    init(runtime: String, timeout: Duration, waitingWork: Int64) {
        modemd = DaemonLink(path: "\(runtime)/modemd.sock")
        queued = DaemonLink(path: "\(runtime)/queued.sock")
        simd = DaemonLink(path: "\(runtime)/simd.sock")
        ingressd = DaemonLink(path: "\(runtime)/ingressd.sock")
        self.timeout = timeout
        self.waitingWork = waitingWork
    }

    func probe() async -> DaemonProbeResult {
        async let modemdAnswer = probeModemd()
        async let queuedAnswer = probeQueued()
        async let simdAnswer = probeSimd()
        async let ingressdAnswer = probeIngressd()
        let (modemdObservation, modems) = await modemdAnswer
        return DaemonProbeResult(
            observations: [.modemd: modemdObservation, .queued: await queuedAnswer, .simd: await simdAnswer,
                           .ingressd: await ingressdAnswer],
            modems: modems)
    }

    private func probeModemd() async -> (DaemonObservation, [String: ModemReport]?) {
        let answer = await modemd.call(.health, timeout: timeout)
        guard case .success(.health(let health)) = answer else { return (.silent(describe(answer)), nil) }
        var modems: [String: ModemReport]?
        var busy = false
        if case .success(.status(let statuses)) = await modemd.call(.status, timeout: timeout) {
            modems = Dictionary(statuses.map { status in
                (status.id, ModemReport(state: status.state, powerCycles: status.counters["ladder_power_cycles"] ?? 0,
                                        lastError: status.lastError))
            }, uniquingKeysWith: { first, _ in first })
            busy = statuses.contains { $0.sending || $0.queued > 0 }
        }
        let reading = DaemonReading(pid: health.daemon.pid, healthy: health.daemon.healthy,
                                    detail: "\(health.daemon.detail); \(health.ready)/\(health.modems) modems ready",
                                    hasWork: busy, workDone: health.daemon.progress)
        return (.answered(reading), modems)
    }

    private func probeQueued() async -> DaemonObservation {
        let answer = await queued.call(.health, timeout: timeout)
        guard case .success(.health(let health)) = answer else { return .silent(describe(answer)) }
        var reading = DaemonReading(health)
        if case .success(.status(let status)) = await queued.call(.status, timeout: timeout) {
            // Work not moving: a message waits while a ready, unpaused modem has nothing in flight.
            let idleReady = status.readyModems.filter { !status.pausedModems.contains($0) && status.inFlight[$0] == nil }
            let waiting = status.oldestWaitingMilliseconds ?? 0
            reading.hasWork = waiting >= waitingWork && !idleReady.isEmpty
            reading.workDone = status.counters.values.reduce(0, +)
            if reading.hasWork {
                reading.detail += "; oldest waiting \(waiting) ms, idle ready modems: \(idleReady.sorted().joined(separator: ", "))"
            }
        }
        return .answered(reading)
    }

    private func probeSimd() async -> DaemonObservation {
        let answer = await simd.call(.health, timeout: timeout)
        guard case .success(.health(let health)) = answer else { return .silent(describe(answer)) }
        return .answered(DaemonReading(health))
    }

    private func probeIngressd() async -> DaemonObservation {
        let answer = await ingressd.call(.health, timeout: timeout)
        guard case .success(.health(let health)) = answer else { return .silent(describe(answer)) }
        var reading = DaemonReading(health.daemon)
        reading.detail += "; accepted \(health.accepted), outbox pending \(health.outboxPending)"
        return .answered(reading)
    }

    private func describe<R>(_ answer: Result<R, IPCError>) -> String {
        switch answer {
        case .success(let response): "unexpected answer \(response)"
        case .failure(let error): "\(error.code.rawValue): \(error.message)"
        }
    }
}

extension DaemonReading {
    /// What a daemon's `health` answer says, before any status of its own is read.
    init(_ health: DaemonHealth) {
        self.init(pid: health.pid, healthy: health.healthy, detail: health.detail, workDone: health.progress)
    }
}
