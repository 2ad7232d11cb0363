/// What `smsgw-watchdogd` answers on its control socket `<runtime>/watchdogd.sock`
/// (docs/watchdogd.md): its own health, and the box's health snapshot as it last wrote it.
public enum WatchdogdProtocol: IPCProtocol {
    public enum Request: Codable, Sendable, Hashable {
        case health
        case snapshot
        /// Read the configuration file again, as SIGHUP does, and say what was applied.
        case reload
    }

    public enum Response: Codable, Sendable, Hashable {
        case health(WatchdogdHealth)
        case snapshot(WatchdogSnapshot)
        case reload(ReloadReport)
    }

    /// watchdogd publishes no events yet; the type keeps the protocol's shape.
    public enum Event: Codable, Sendable, Hashable {
        case escalated(subject: String, step: String)
    }
}

/// `health`: the watch loop turns (`daemon.progress`: turns since start).
public struct WatchdogdHealth: Codable, Sendable, Hashable {
    public var daemon: DaemonHealth
    /// Whether the hardware watchdog is fed (nil: none, or switched off).
    public var hardwareFeeding: Bool?

    public init(daemon: DaemonHealth, hardwareFeeding: Bool?) {
        self.daemon = daemon
        self.hardwareFeeding = hardwareFeeding
    }
}

/// One subject of the snapshot (`box`, a daemon, `modem:<id>`); times in milliseconds since 1970 UTC.
public struct WatchdogSubject: Codable, Sendable, Hashable {
    public var subject: String
    /// `unknown`, `healthy`, `degraded`, `restarting`; the box also `rebooting`.
    public var state: String
    public var detail: String
    public var pid: Int32?
    public var restartsLastHour: Int
    public var lastEscalation: String?
    public var lastEscalationAt: Int64?
    public var diskFreeBytes: Int64?
    public var memoryAvailableBytes: Int64?
    public var checkedAt: Int64

    public init(subject: String, state: String, detail: String, pid: Int32?, restartsLastHour: Int,
                lastEscalation: String?, lastEscalationAt: Int64?, diskFreeBytes: Int64?, memoryAvailableBytes: Int64?,
                checkedAt: Int64) {
        self.subject = subject
        self.state = state
        self.detail = detail
        self.pid = pid
        self.restartsLastHour = restartsLastHour
        self.lastEscalation = lastEscalation
        self.lastEscalationAt = lastEscalationAt
        self.diskFreeBytes = diskFreeBytes
        self.memoryAvailableBytes = memoryAvailableBytes
        self.checkedAt = checkedAt
    }
}

/// `snapshot`: every subject, the box first.
public struct WatchdogSnapshot: Codable, Sendable, Hashable {
    public var subjects: [WatchdogSubject]

    public init(subjects: [WatchdogSubject]) { self.subjects = subjects }
}
