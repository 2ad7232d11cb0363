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
/// table gives: `temporary`, `permanent`, `deviceFault`), or `unknown` (the modem stopped
/// answering mid-part: the part may have gone out).
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
    public var error: String?

    public init(outcome: Outcome, references: [Int], partIndex: Int? = nil, errorCategory: String? = nil, error: String? = nil) {
        self.outcome = outcome
        self.references = references
        self.partIndex = partIndex
        self.errorCategory = errorCategory
        self.error = error
    }
}
