import GatewayCore

/// One message as its upstream account may see it (SMPP 3.4 query_sm §4.8, cancel_sm §4.9,
/// replace_sm §4.10): who sent it, where it is, and the last error a part met.
public struct UpstreamMessageStatus: Sendable, Hashable {
    public var id: Int64
    public var account: String
    public var source: String
    public var destination: String
    public var state: MessageState
    public var encoding: MessageEncoding
    /// When the state last changed: the final date once the state is final.
    public var updatedAt: Timestamp
    public var notBefore: Timestamp
    public var expiresAt: Timestamp
    /// The error code of the last part that recorded one (a `+CMS ERROR` or a status report's
    /// TP-ST); nil when none did.
    public var errorCode: Int?
    /// The ESME split it itself: each part came in its own submit and was answered with its
    /// own id (``SubmitID``).
    public var splitBySubmitter: Bool

    public init(id: Int64, account: String, source: String, destination: String, state: MessageState,
                encoding: MessageEncoding, updatedAt: Timestamp, notBefore: Timestamp, expiresAt: Timestamp,
                errorCode: Int? = nil, splitBySubmitter: Bool = false) {
        (self.id, self.account, self.source, self.destination) = (id, account, source, destination)
        (self.state, self.encoding, self.updatedAt) = (state, encoding, updatedAt)
        (self.notBefore, self.expiresAt, self.errorCode) = (notBefore, expiresAt, errorCode)
        self.splitBySubmitter = splitBySubmitter
    }
}

/// New content and times for a message still waiting (SMPP 3.4 replace_sm §4.10.1), already
/// validated and re-planned into parts by ingress.
public struct MessageReplacement: Sendable, Hashable {
    public var text: String
    public var encoding: MessageEncoding
    /// The new TPDUs, one per part, as uppercase hex; the count may differ from the old one.
    public var partsHex: [String]
    /// Not to be sent before this time; nil = now.
    public var scheduleAt: Timestamp?
    public var expiresAt: Timestamp
    /// Which outcomes get a delivery report (replace_sm's registered_delivery, §5.2.17).
    public var reportMask: ReportMask

    public init(text: String, encoding: MessageEncoding, partsHex: [String], scheduleAt: Timestamp? = nil,
                expiresAt: Timestamp, reportMask: ReportMask) {
        (self.text, self.encoding, self.partsHex) = (text, encoding, partsHex)
        (self.scheduleAt, self.expiresAt, self.reportMask) = (scheduleAt, expiresAt, reportMask)
    }
}
