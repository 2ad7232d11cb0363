/// One modem as `status` shows it.
public struct ModemdModemStatus: Codable, Sendable, Hashable {
    public var id: String
    /// `GatewayCore.ModemState` raw value: unknown, initializing, ready, hung, resetting, offline, disabled.
    public var state: String
    public var sending: Bool
    public var queued: Int
    /// `+CSQ` RSSI 0…31 (99 unknown).
    public var signal: Int?
    /// `+CREG` status (3GPP TS 27.007 §7.2: 1 home, 5 roaming…).
    public var registration: Int?
    public var operatorName: String?
    public var slot: Int
    public var model: String?
    public var imei: String?
    public var imsi: String?
    public var iccid: String?
    public var lastError: String?
    /// Counters by name (sends, ladder steps, timeouts…).
    public var counters: [String: Int]

    public init(id: String, state: String, sending: Bool, queued: Int, signal: Int?, registration: Int?,
                operatorName: String?, slot: Int, model: String?, imei: String?, imsi: String?, iccid: String?,
                lastError: String?, counters: [String: Int]) {
        self.id = id
        self.state = state
        self.sending = sending
        self.queued = queued
        self.signal = signal
        self.registration = registration
        self.operatorName = operatorName
        self.slot = slot
        self.model = model
        self.imei = imei
        self.imsi = imsi
        self.iccid = iccid
        self.lastError = lastError
        self.counters = counters
    }
}

/// `health`: the daemon answers and its modem loops turn (`daemon.progress` grows with every
/// command answered on any modem).
public struct ModemdHealth: Codable, Sendable, Hashable {
    public var daemon: DaemonHealth
    public var modems: Int
    public var ready: Int

    public init(daemon: DaemonHealth, modems: Int, ready: Int) {
        self.daemon = daemon
        self.modems = modems
        self.ready = ready
    }
}
