/// A message to send on one modem: its parts as PDU-mode hex (SMSC octets first, `00` for the
/// SIM's SMSC) and each TPDU's length for `AT+CMGS=<length>` (3GPP TS 27.005 §3.5.1).
public struct ModemdSendRequest: Codable, Sendable, Hashable {
    public struct Part: Codable, Sendable, Hashable {
        public var pdu: String
        public var tpduLength: Int

        public init(pdu: String, tpduLength: Int) {
            self.pdu = pdu
            self.tpduLength = tpduLength
        }
    }

    public var modem: String
    public var parts: [Part]

    public init(modem: String, parts: [Part]) {
        self.modem = modem
        self.parts = parts
    }
}

/// How a send ended: `sent` with a TP-MR per part, `failed` (with the category the CMS/CME
/// table gives: `temporary`, `permanent`, `deviceFault`, and the typed `failureReason`), or
/// `unknown` (`AT+CMGS` for a part was written and no answer came: the part may have gone out).
public struct ModemdSendResult: Codable, Sendable, Hashable {
    public enum Outcome: String, Codable, Sendable, Hashable {
        case sent, failed, unknown
    }

    public var outcome: Outcome
    /// TP-MR of each part sent, in order.
    public var references: [Int]
    /// The part that failed or whose outcome is unknown (0-based).
    public var partIndex: Int?
    public var errorCategory: String?
    /// Why a `failed` send failed, typed: `notAttempted` means no part from `partIndex` on
    /// was ever written to the modem, so it is safe to send them again on any SIM.
    public var failureReason: FailureReason?
    public var error: String?

    /// The kinds of `failed` outcome.
    public enum FailureReason: String, Codable, Sendable, Hashable {
        /// The modem refused the part (`+CMS ERROR`, `ERROR`).
        case rejected
        /// The modem was not ready to take the send (booting, recovering, switching SIM).
        case notReady = "not_ready"
        /// Too many sends already wait for this modem.
        case queueFull = "queue_full"
        /// The request is malformed.
        case invalidJob = "invalid_job"
        /// Accepted, but never written to the modem (recovery, power cycle, reboot, shutdown).
        case notAttempted = "not_attempted"
    }

    public init(outcome: Outcome, references: [Int], partIndex: Int? = nil, errorCategory: String? = nil,
                failureReason: FailureReason? = nil, error: String? = nil) {
        self.outcome = outcome
        self.references = references
        self.partIndex = partIndex
        self.errorCategory = errorCategory
        self.failureReason = failureReason
        self.error = error
    }
}
