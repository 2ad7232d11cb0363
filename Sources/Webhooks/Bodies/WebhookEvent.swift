import GatewayCore

/// What a webhook tells upstream: a message's new state, or an inbound message. The body is
/// versioned (`"version": 1`) and typed (`"type"`); docs/webhooks.md describes each field.
public enum WebhookEvent: Sendable, Equatable {
    case status(MessageStatusEvent)
    case inbound(InboundMessageEvent)

    /// The body format's version; a change that is not an added field raises it.
    public static let version: Int64 = 1

    /// Which `events` entry of the account's webhook settings this event needs.
    public var kind: WebhookEventKind {
        switch self {
        case .status: .dlr
        case .inbound: .mo
        }
    }

    /// The `type` field.
    public var type: String {
        switch self {
        case .status: "message.status"
        case .inbound: "message.inbound"
        }
    }

    /// An id that is the same on every retry of this event, for the receiver to drop repeats.
    public var eventID: String {
        switch self {
        case .status(let event): "status-\(event.reportedID)-\(event.state.rawValue)"
        case .inbound(let event): "inbound-\(event.inboundID)"
        }
    }

    /// The JSON body, keys sorted, no spaces: the bytes that are signed.
    public var body: String {
        var members: [String: JSONValue] = [
            "type": .string(type), "version": .integer(Self.version), "event_id": .string(eventID),
        ]
        switch self {
        case .status(let event):
            members["message_id"] = .string(event.reportedID)
            members["upstream_message_id"] = .optional(event.upstreamMessageID)
            members["client_reference"] = .optional(event.clientReference)
            members["state"] = .string(event.state.rawValue)
            members["at"] = .string(RFC3339.format(event.at))
            members["error"] = .optional(event.error)
        case .inbound(let event):
            members["inbound_id"] = .string(String(event.inboundID))
            members["originator"] = .string(event.originator)
            members["text"] = .string(event.text)
            members["received_at"] = .string(RFC3339.format(event.receivedAt))
            members["complete"] = .bool(event.isComplete)
        }
        return JSONValue.object(members).serialized
    }
}

/// A delivery report: the message reached a state upstream asked to hear about.
public struct MessageStatusEvent: Sendable, Equatable {
    public var messageID: Int64
    /// The id upstream knows the message by, when it is not our id.
    public var upstreamMessageID: String?
    public var clientReference: String?
    public var state: MessageState
    public var at: Timestamp
    /// Why the message failed, when known.
    public var error: String?
    /// Set when the event is about one part the ESME submitted on its own (SMPP, UDH or SAR):
    /// the id that submit was answered with, which `message_id` then carries.
    public var submitID: String?

    public init(messageID: Int64, upstreamMessageID: String? = nil, clientReference: String? = nil,
                state: MessageState, at: Timestamp, error: String? = nil, submitID: String? = nil) {
        self.messageID = messageID
        self.submitID = submitID
        self.upstreamMessageID = upstreamMessageID
        self.clientReference = clientReference
        self.state = state
        self.at = at
        self.error = error
    }

    /// The DLR the store queued in the outbox (it carries no error text).
    public init(_ report: DeliveryReportPayload) {
        self.init(messageID: report.messageID, upstreamMessageID: report.upstreamMessageID,
                  clientReference: report.clientReference, state: report.state, at: report.at, submitID: report.submitID)
    }

    /// The id upstream was answered with: the part's submit id, else the message's.
    public var reportedID: String { submitID ?? String(messageID) }
}

/// An inbound (MO) message, reassembled from its parts.
public struct InboundMessageEvent: Sendable, Equatable {
    public var inboundID: Int64
    public var originator: String
    public var text: String
    /// When the last part arrived (or the message was abandoned incomplete).
    public var receivedAt: Timestamp
    /// False when parts were missing after the reassembly window (marked in `text`).
    public var isComplete: Bool

    public init(inboundID: Int64, originator: String, text: String, receivedAt: Timestamp, isComplete: Bool) {
        self.inboundID = inboundID
        self.originator = originator
        self.text = text
        self.receivedAt = receivedAt
        self.isComplete = isComplete
    }

    public init(_ inbound: CompleteInbound) {
        self.init(inboundID: inbound.id, originator: inbound.originator, text: inbound.text,
                  receivedAt: inbound.completedAt, isComplete: inbound.isComplete)
    }
}
