import ATCommands
import GatewayCore

/// What a session asks the I/O layer to do, in order.
public enum SessionAction: Sendable, Hashable {
    /// Write these bytes to the serial line.
    case write([UInt8])
    /// Drive the module's power line (through GPIO).
    case setPower(on: Bool)
    /// Drive the SIM select lines to `slot`.
    case selectSlot(Int)
    /// A send job ended.
    case sendFinished(id: UInt64, SendOutcome)
    /// A SIM switch request ended: the module runs on `slot` now (true) or the switch failed.
    case slotSwitchFinished(requestID: UInt64, slot: Int, succeeded: Bool, detail: String)
    /// A USSD request ended: the network's answer, or why there is none.
    case ussdFinished(requestID: UInt64, USSDOutcome)
    /// A PDU the modem handed over: an SMS-DELIVER or an SMS-STATUS-REPORT, SMSC address first
    /// (3GPP TS 27.005 §3.1 `<pdu>`). Stored (and, for a stored message, deleted after this).
    case received(ReceivedPDU)
    /// The module's identity was read (after each init).
    case identified(ModemIdentity)
    /// The session's state changed (for the store and for status answers).
    case stateChanged(ModemState)
    /// A line for the daemon's log.
    case log(SessionLogEntry)
    /// A counter to increment (metrics).
    case count(SessionCounter)
}

/// A PDU from the modem, and where it came from.
public struct ReceivedPDU: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// Read from storage at `index` (`+CMTI`/`+CDSI` then `AT+CMGR`, or the `AT+CMGL` sweep).
        case stored(index: Int)
        /// Routed to the host (`+CMT`, `+CDS`).
        case routed
    }

    public var pdu: [UInt8]
    public var source: Source

    public init(pdu: [UInt8], source: Source) {
        self.pdu = pdu
        self.source = source
    }
}

/// The module's and its SIM's identity (3GPP TS 27.007 §5.4 IMEI, §5.6 IMSI; ICCID by the
/// vendor's command); a field is nil when the module refused to tell.
public struct ModemIdentity: Sendable, Hashable {
    public var model: String?
    public var imei: String?
    public var imsi: String?
    public var iccid: String?
    public var slot: Int

    public init(model: String? = nil, imei: String? = nil, imsi: String? = nil, iccid: String? = nil, slot: Int = 0) {
        self.model = model
        self.imei = imei
        self.imsi = imsi
        self.iccid = iccid
        self.slot = slot
    }
}

/// One log line from a session.
public struct SessionLogEntry: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable {
        case trace, debug, info, notice, warning, error
    }

    public var level: Level
    public var message: String

    public init(_ level: Level, _ message: String) {
        self.level = level
        self.message = message
    }
}

/// The counters a session increments (one metric each in the daemon).
public enum SessionCounter: String, Sendable, Hashable, CaseIterable {
    case commandTimeout = "command_timeouts"
    case ladderProbe = "ladder_probes"
    case ladderSoftReset = "ladder_soft_resets"
    case ladderPowerCycle = "ladder_power_cycles"
    case ladderFailed = "ladder_failed"
    case recovered = "recoveries"
    case partsSent = "parts_sent"
    case sendsSucceeded = "sends_succeeded"
    case sendsFailed = "sends_failed"
    case sendsUnknown = "sends_unknown"
    case modemErrors = "modem_errors"
    case received = "pdus_received"
    case garbled = "garbled_input"
    case initCompleted = "inits_completed"
}
