import GatewayCore

/// A status report (SMS-STATUS-REPORT, 3GPP TS 23.040 §9.2.2.3) as modemd stores it.
public struct NewStatusReport: Sendable, Hashable {
    public var modemID: Int64
    public var simID: Int64?
    /// TP-MR of the SMS-SUBMIT it reports on (§9.2.3.6).
    public var messageReference: UInt8
    /// TP-RA (§9.2.3.14), the recipient of the original message.
    public var recipient: String
    /// TP-SCTS (§9.2.3.11).
    public var serviceCentreTime: Timestamp
    /// TP-DT (§9.2.3.13).
    public var dischargeTime: Timestamp
    /// TP-ST (§9.2.3.15).
    public var status: UInt8
    public var receivedAt: Timestamp

    public init(modemID: Int64, simID: Int64?, messageReference: UInt8, recipient: String,
                serviceCentreTime: Timestamp, dischargeTime: Timestamp, status: UInt8, receivedAt: Timestamp) {
        self.modemID = modemID
        self.simID = simID
        self.messageReference = messageReference
        self.recipient = recipient
        self.serviceCentreTime = serviceCentreTime
        self.dischargeTime = dischargeTime
        self.status = status
        self.receivedAt = receivedAt
    }
}

/// A stored status report waiting for correlation.
public struct StoredStatusReport: Sendable, Hashable {
    public var id: Int64
    public var report: NewStatusReport
}
