import GatewayCore

/// One received SMS-DELIVER (3GPP TS 23.040 §9.2.2.1), decoded by modemd.
public struct NewInboundPart: Sendable, Hashable {
    public var modemID: Int64
    public var simID: Int64?
    /// TP-OA.
    public var originator: String
    /// The concatenation reference, total and sequence (§9.2.3.24.1 / .8); nil for a single SMS.
    public var concatenation: Concatenation?
    public var pduHex: String
    /// This part's decoded text.
    public var text: String
    /// TP-SCTS.
    public var serviceCentreTime: Timestamp?
    public var receivedAt: Timestamp

    public struct Concatenation: Sendable, Hashable {
        public var reference: Int
        public var total: Int
        public var sequence: Int
        public init(reference: Int, total: Int, sequence: Int) {
            self.reference = reference
            self.total = total
            self.sequence = sequence
        }
    }

    public init(modemID: Int64, simID: Int64?, originator: String, concatenation: Concatenation?,
                pduHex: String, text: String, serviceCentreTime: Timestamp?, receivedAt: Timestamp) {
        self.modemID = modemID
        self.simID = simID
        self.originator = originator
        self.concatenation = concatenation
        self.pduHex = pduHex
        self.text = text
        self.serviceCentreTime = serviceCentreTime
        self.receivedAt = receivedAt
    }
}

/// What storing an inbound part did.
public struct InboundPartResult: Sendable, Hashable {
    public var inboundID: Int64
    /// False when this part (same sequence) was already stored: a repeated delivery.
    public var isNewPart: Bool
    /// The whole text once every part is in; nil while incomplete.
    public var completedText: String?
    /// True when the part belongs to a message already complete or abandoned (a part
    /// delivered again within the reassembly window): dropped, nothing stored.
    public var isRepeatOfFinished: Bool = false
}
