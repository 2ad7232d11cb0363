import ATCommands

/// What one modem session needs to know about its module: the vendor profile's commands and
/// timings (resolved by the daemon from ModemProfiles and the configuration) as plain data.
public struct SessionSettings: Sendable, Hashable {
    /// How the session asks for another SIM slot.
    public enum SlotSwitch: Sendable, Hashable {
        /// One slot only: a switch request to another slot is refused.
        case fixed
        /// GPIO select lines (driven by the daemon on `.selectSlot`), then a reset so the module
        /// reads the new SIM.
        case gpio
        /// An AT command line per slot (the profile's template with the slot filled in); a
        /// reset follows when `resetAfter` is true.
        case command(template: String, resetAfter: Bool)
    }

    /// The modem's name in the configuration (for log lines).
    public var modemID: String
    /// Number of SIM slots.
    public var slots: Int
    /// Commands the profile sends after `ATE0` and `AT+CMEE=1` (vendor set-up).
    public var vendorInitCommands: [ATCommandLine]
    /// `AT+CNMI` settings (3GPP TS 27.005 §3.4.1).
    public var newMessageIndication: NewMessageIndication
    /// `AT+CPMS` storages (read/delete, write/send, receive).
    public var storages: [MessageStorage]
    /// The command that reads the model (`AT+CGMM`).
    public var modelCommand: ATCommandLine
    /// The command that reads the ICCID (`AT+CCID`, `AT+QCCID`, `AT^ICCID?`…).
    public var iccidCommand: ATCommandLine
    public var slotSwitch: SlotSwitch
    /// True when a GPIO line switches the module's power (the ladder's power-cycle step).
    public var hasPowerControl: Bool
    /// At most this many send jobs wait behind the one in progress.
    public var sendQueueLimit: Int
    public var timings: SessionTimings

    public init(
        modemID: String, slots: Int = 1, vendorInitCommands: [ATCommandLine] = [],
        newMessageIndication: NewMessageIndication = NewMessageIndication(mode: 2, deliver: 1, statusReport: 1, bufferFlush: 0),
        storages: [MessageStorage] = [.sim, .sim, .sim],
        modelCommand: ATCommandLine = ATCommandLine([ATCommandInvocation("+CGMM")]),
        iccidCommand: ATCommandLine = ATCommand.readICCID.line,
        slotSwitch: SlotSwitch = .fixed, hasPowerControl: Bool = false, sendQueueLimit: Int = 64,
        timings: SessionTimings = SessionTimings()
    ) {
        self.modemID = modemID
        self.slots = slots
        self.vendorInitCommands = vendorInitCommands
        self.newMessageIndication = newMessageIndication
        self.storages = storages
        self.modelCommand = modelCommand
        self.iccidCommand = iccidCommand
        self.slotSwitch = slotSwitch
        self.hasPowerControl = hasPowerControl
        self.sendQueueLimit = sendQueueLimit
        self.timings = timings
    }
}
