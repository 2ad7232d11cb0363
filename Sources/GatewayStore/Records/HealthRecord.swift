import GatewayCore

/// One row of `watchdog_health` (migration 12): the latest word of smsgw-watchdogd on one
/// subject — `box`, a daemon (`modemd`, `queued`, `simd`, `ingressd`) or a modem (`modem:<id>`).
/// Box-only fields (disk, memory, store, hardware watchdog) are nil on the other rows.
public struct HealthRecord: Sendable, Hashable, Codable {
    public var subject: String
    /// `unknown`, `healthy`, `degraded`, `restarting`; the box also `rebooting` (not fed).
    public var state: String
    public var detail: String
    public var pid: Int32?
    public var restartsLastHour: Int
    public var lastEscalation: String?
    public var lastEscalationAt: Timestamp?
    public var lastEscalationReason: String?
    public var diskFreeBytes: Int64?
    public var memoryAvailableBytes: Int64?
    public var storeWritable: Bool?
    /// The last `PRAGMA quick_check` answer (`ok` when sound) and when it ran.
    public var integrity: String?
    public var integrityCheckedAt: Timestamp?
    /// Whether the hardware watchdog is being fed (nil: none on this box, or switched off).
    public var hardwareFeeding: Bool?
    public var checkedAt: Timestamp

    public init(subject: String, state: String, detail: String, pid: Int32? = nil, restartsLastHour: Int = 0,
                lastEscalation: String? = nil, lastEscalationAt: Timestamp? = nil, lastEscalationReason: String? = nil,
                diskFreeBytes: Int64? = nil, memoryAvailableBytes: Int64? = nil, storeWritable: Bool? = nil,
                integrity: String? = nil, integrityCheckedAt: Timestamp? = nil, hardwareFeeding: Bool? = nil,
                checkedAt: Timestamp) {
        self.subject = subject
        self.state = state
        self.detail = detail
        self.pid = pid
        self.restartsLastHour = restartsLastHour
        self.lastEscalation = lastEscalation
        self.lastEscalationAt = lastEscalationAt
        self.lastEscalationReason = lastEscalationReason
        self.diskFreeBytes = diskFreeBytes
        self.memoryAvailableBytes = memoryAvailableBytes
        self.storeWritable = storeWritable
        self.integrity = integrity
        self.integrityCheckedAt = integrityCheckedAt
        self.hardwareFeeding = hardwareFeeding
        self.checkedAt = checkedAt
    }
}

/// What `healthSnapshot()` answers: the box row, then daemons and modems by subject.
public struct HealthSnapshot: Sendable, Hashable, Codable {
    public var box: HealthRecord?
    public var daemons: [HealthRecord]
    public var modems: [HealthRecord]

    public init(box: HealthRecord?, daemons: [HealthRecord], modems: [HealthRecord]) {
        self.box = box
        self.daemons = daemons
        self.modems = modems
    }
}

/// One row of `watchdog_escalations`: a rung climbed, and what came of carrying it out.
public struct EscalationRecord: Sendable, Hashable, Codable {
    public var at: Timestamp
    public var subject: String
    /// `recover`, `terminate`, `kill`, `power_cycle`, `stop_feeding`.
    public var step: String
    public var pid: Int32?
    public var reason: String
    /// What carrying it out gave (`sent SIGTERM`, `modemd: powerCycleStarted`, an error…).
    public var outcome: String

    public init(at: Timestamp, subject: String, step: String, pid: Int32?, reason: String, outcome: String) {
        self.at = at
        self.subject = subject
        self.step = step
        self.pid = pid
        self.reason = reason
        self.outcome = outcome
    }
}
