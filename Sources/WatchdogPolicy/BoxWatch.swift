/// Whether the hardware watchdog is fed, decided from the whole box (it stops being fed, so
/// the box reboots, only when nothing less helps): a daemon restarted
/// more than `restartLimit` times within the hour, or a store that stays unwritable for
/// `healthTimeout` or fails its integrity check. Low disk or memory only degrades the box: a
/// reboot frees neither.
public struct BoxWatch: Sendable, Hashable {
    private var unwritableSince: Int64?
    /// Latched: once the box is let reboot, feeding never resumes in this process.
    public private(set) var rebootReason: String?
    /// Why the box is degraded now (empty: it is not).
    public private(set) var problems: [String] = []

    public init() {}

    public var feeding: Bool { rebootReason == nil }

    public mutating func observe(
        _ box: BoxReading, daemons: [DaemonWatch], at now: Int64, settings: PolicySettings, thresholds: BoxThresholds
    ) -> [EscalationAction] {
        var problems: [String] = []
        if box.storeWritable {
            unwritableSince = nil
        } else {
            unwritableSince = unwritableSince ?? now
            problems.append("store not writable")
        }
        if let integrity = box.integrity, integrity != "ok" { problems.append("store integrity: \(integrity)") }
        if let free = box.diskFreeBytes, free < thresholds.minimumFreeDisk {
            problems.append("disk: \(free) bytes free, under \(thresholds.minimumFreeDisk)")
        }
        if let free = box.memoryAvailableBytes, free < thresholds.minimumFreeMemory {
            problems.append("memory: \(free) bytes available, under \(thresholds.minimumFreeMemory)")
        }
        for watch in daemons where watch.condition != .healthy && watch.condition != .unknown {
            problems.append("\(watch.daemon.rawValue) \(watch.condition.rawValue)")
        }
        self.problems = problems
        guard rebootReason == nil else { return [] }
        var reason: String?
        if let since = unwritableSince, now - since >= settings.healthTimeout {
            reason = "store not writable for \(now - since) ms"
        } else if let integrity = box.integrity, integrity != "ok" {
            reason = "store integrity check failed: \(integrity)"
        } else if let worst = daemons.first(where: { $0.restartsWithinHour(now: now) > settings.restartLimit }) {
            reason = "\(worst.daemon.rawValue) restarted \(worst.restartsWithinHour(now: now)) times within the hour "
                + "(limit \(settings.restartLimit))"
        }
        guard let reason else { return [] }
        rebootReason = reason
        return [EscalationAction(subject: "box", step: .stopFeeding, reason: reason)]
    }
}
