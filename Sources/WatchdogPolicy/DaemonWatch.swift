/// The escalation ladder of one daemon as a value state machine (no I/O, no clock of its own):
/// observations in, actions out; time is an input (milliseconds of a monotonic clock).
///
/// - trouble is silence, an unhealthy answer, or work waiting while the work counter has not
///   moved for `healthTimeout` (progress, not only liveness);
/// - at the first trouble a daemon that answers and takes `recover` is asked to recover;
/// - trouble lasting `healthTimeout` → SIGTERM to the last pid it reported (a restart, counted);
/// - still the same pid or silent `killAfter` later → SIGKILL;
/// - an answer from another pid without trouble ends the episode (the supervisor restarted it);
///   no new pid and still in trouble `healthTimeout` after the kill → the ladder starts again.
public struct DaemonWatch: Sendable, Hashable {
    enum Phase: Sendable, Hashable {
        case unseen
        case healthy
        case troubled(since: Int64, recoverAsked: Bool)
        case terminating(pid: Int32?, at: Int64)
        case killed(pid: Int32?, at: Int64)
    }

    public let daemon: WatchedDaemon
    private(set) var phase: Phase = .unseen
    /// The pid of the last answer.
    public private(set) var lastPid: Int32?
    /// Why the daemon is in trouble now (nil: it is not).
    public private(set) var trouble: String?
    /// When restarts were asked (terminate), newest last; pruned to the last hour.
    public private(set) var restarts: [Int64] = []
    public private(set) var lastEscalation: EscalationAction?
    private var workDone: Int?
    private var workMovedAt: Int64 = 0

    public init(daemon: WatchedDaemon) { self.daemon = daemon }

    public var condition: DaemonCondition {
        switch phase {
        case .unseen: .unknown
        case .healthy: .healthy
        case .troubled: .degraded
        case .terminating, .killed: .restarting
        }
    }

    /// Restarts asked within the hour before `now`.
    public func restartsWithinHour(now: Int64) -> Int {
        restarts.filter { now - $0 < PolicySettings.restartWindow }.count
    }

    public mutating func observe(_ observation: DaemonObservation, at now: Int64, settings: PolicySettings) -> [EscalationAction] {
        restarts.removeAll { now - $0 >= PolicySettings.restartWindow }
        let answeredPid: Int32?
        switch observation {
        case .answered(let reading):
            answeredPid = reading.pid
            trouble = troubleIn(reading, at: now, settings: settings)
        case .silent(let why):
            answeredPid = nil
            trouble = "no answer: \(why)"
        }
        if let answeredPid { lastPid = answeredPid }

        switch phase {
        case .unseen:
            // Escalation begins once the daemon has answered at least once.
            guard case .answered = observation else { return [] }
            phase = trouble == nil ? .healthy : .troubled(since: now, recoverAsked: false)
            return trouble == nil ? [] : firstRung(observation, at: now)
        case .healthy:
            guard trouble != nil else { return [] }
            phase = .troubled(since: now, recoverAsked: false)
            return firstRung(observation, at: now)
        case .troubled(let since, _):
            guard trouble != nil else {
                phase = .healthy
                return []
            }
            guard now - since >= settings.healthTimeout else { return [] }
            return restart(pid: lastPid, at: now, settings: settings)
        case .terminating(let pid, let at), .killed(let pid, let at):
            let restarted = answeredPid != nil && (pid == nil || answeredPid != pid)
            if restarted, trouble == nil {
                phase = .healthy
                return []
            }
            if restarted {
                // A new process, already in trouble: a fresh episode.
                phase = .troubled(since: now, recoverAsked: false)
                return firstRung(observation, at: now)
            }
            if case .terminating = phase, now - at >= settings.killAfter, let pid {
                phase = .killed(pid: pid, at: now)
                return [record(EscalationAction(subject: daemon.rawValue, step: .kill, pid: pid,
                                                reason: "still running \(now - at) ms after SIGTERM"))]
            }
            if case .killed = phase, now - at >= settings.healthTimeout {
                lastPid = nil
                phase = .troubled(since: now, recoverAsked: false)
                return []
            }
            if case .terminating = phase, pid == nil, now - at >= settings.healthTimeout {
                phase = .troubled(since: now, recoverAsked: false)
            }
            return []
        }
    }

    private mutating func troubleIn(_ reading: DaemonReading, at now: Int64, settings: PolicySettings) -> String? {
        if workDone != reading.workDone || !reading.hasWork {
            workDone = reading.workDone
            workMovedAt = now
        }
        if !reading.healthy { return "unhealthy: \(reading.detail)" }
        if reading.hasWork, now - workMovedAt >= settings.healthTimeout {
            return "work waits but nothing moved for \(now - workMovedAt) ms (\(reading.detail))"
        }
        return nil
    }

    private mutating func firstRung(_ observation: DaemonObservation, at now: Int64) -> [EscalationAction] {
        guard daemon.takesRecover, case .answered = observation, let trouble else { return [] }
        phase = .troubled(since: now, recoverAsked: true)
        return [record(EscalationAction(subject: daemon.rawValue, step: .recover, pid: lastPid, reason: trouble))]
    }

    private mutating func restart(pid: Int32?, at now: Int64, settings: PolicySettings) -> [EscalationAction] {
        restarts.append(now)
        phase = .terminating(pid: pid, at: now)
        workDone = nil
        let reason = "\(trouble ?? "in trouble") for \(settings.healthTimeout) ms or more"
        return [record(EscalationAction(subject: daemon.rawValue, step: .terminate, pid: pid, reason: reason))]
    }

    private mutating func record(_ action: EscalationAction) -> EscalationAction {
        lastEscalation = action
        return action
    }
}
