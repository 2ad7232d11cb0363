import GatewayCore

/// A message ingress has validated and encoded, ready to be made durable.
public struct NewMessage: Sendable, Hashable {
    public var account: String
    /// The id given back upstream (SMPP message_id); unique per account when set.
    public var upstreamMessageID: String?
    /// The upstream client's own reference, echoed in DLRs.
    public var clientReference: String?
    public var source: String
    public var destination: String
    public var messageClass: MessageClass
    /// 0 (lowest) to 3, as SMPP 3.4 priority_flag (§5.2.14).
    public var priority: Int
    /// The text as submitted (hex of the payload for binary messages).
    public var text: String
    public var encoding: MessageEncoding
    /// The TPDUs, one per part, as uppercase hex (3GPP TS 23.040 §9.2.2.2 SMS-SUBMIT).
    public var partsHex: [String]
    /// Not to be sent before this time (SMPP schedule_delivery_time); nil = now.
    public var scheduleAt: Timestamp?
    /// Not to be sent at or after this time (validity period).
    public var expiresAt: Timestamp
    /// Which outcomes upstream wants a delivery report for (SMPP registered_delivery, Kannel
    /// dlr-mask); empty: none.
    public var reportMask: ReportMask
    /// A Kannel-style callback URL for this message's reports (its `%` placeholders expanded
    /// when the report is sent).
    public var dlrURL: String?
    /// An HTTP client's id for the request (unique per account): a retried request returns
    /// the message already accepted instead of a second one.
    public var idempotencyKey: String?
    /// A digest of the request's content, to tell a retry (same digest) from a reuse of the
    /// idempotency key with other content.
    public var requestDigest: String?

    /// Whether any delivery report is requested upstream (SMPP registered_delivery ≠ 0).
    /// Setting it asks for the final outcomes.
    public var registeredDelivery: Bool {
        get { !reportMask.isEmpty }
        set { reportMask = newValue ? .final : [] }
    }
    /// Set when this is one part of a message split upstream: `partsHex` then holds that one
    /// part, and the store adds it to the message being assembled.
    public var assembly: MessageAssemblyPart? = nil

    /// The id upstream's submit is answered with once this is stored in message `id`: a part
    /// of a message split upstream has its own (``SubmitID``, stored with the part in the
    /// accept transaction), anything else the message's decimal id.
    public func answerID(storedIn id: Int64) -> String {
        assembly.map { SubmitID(messageID: id, part: $0.sequence).description } ?? String(id)
    }

    public init(
        account: String, upstreamMessageID: String? = nil, clientReference: String? = nil,
        source: String, destination: String, messageClass: MessageClass, priority: Int = 0,
        text: String, encoding: MessageEncoding, partsHex: [String], scheduleAt: Timestamp? = nil,
        expiresAt: Timestamp, registeredDelivery: Bool = false, reportMask: ReportMask? = nil,
        dlrURL: String? = nil, idempotencyKey: String? = nil, requestDigest: String? = nil
    ) {
        self.account = account
        self.upstreamMessageID = upstreamMessageID
        self.clientReference = clientReference
        self.source = source
        self.destination = destination
        self.messageClass = messageClass
        self.priority = priority
        self.text = text
        self.encoding = encoding
        self.partsHex = partsHex
        self.scheduleAt = scheduleAt
        self.expiresAt = expiresAt
        self.reportMask = reportMask ?? (registeredDelivery ? .final : [])
        self.dlrURL = dlrURL
        self.idempotencyKey = idempotencyKey
        self.requestDigest = requestDigest
    }
}
