// A record the store reads and the upstream delivery code (Webhooks, ingressd) consumes: a
// plain value, so that code does not depend on the SQLite store.

/// The DLR an outbox entry carries: a small JSON object ingress turns into an SMPP deliver_sm
/// (receipted_message_id = the id upstream was answered with, message_state) or a webhook call.
public struct DeliveryReportPayload: Sendable, Hashable {
    public var messageID: Int64
    public var upstreamMessageID: String?
    public var clientReference: String?
    public var state: MessageState
    public var at: Timestamp
    public var statusReportID: Int64
    /// Set when the DLR is about one part the ESME submitted on its own: the id that submit
    /// was answered with (``SubmitID``); nil when it is about the message as a whole.
    public var submitID: String?

    public init(messageID: Int64, upstreamMessageID: String?, clientReference: String?, state: MessageState,
                at: Timestamp, statusReportID: Int64, submitID: String? = nil) {
        self.messageID = messageID
        self.upstreamMessageID = upstreamMessageID
        self.clientReference = clientReference
        self.state = state
        self.at = at
        self.statusReportID = statusReportID
        self.submitID = submitID
    }

    /// The id upstream knows what this DLR reports on by: the part's submit id, else the
    /// message's (SMPP receipt `id:` and receipted_message_id, the webhook's `message_id`).
    public var reportedID: String { submitID ?? String(messageID) }

    /// `{"at":…,"client_reference":…,"message_id":…,"state":"delivered","status_report_id":…,"upstream_message_id":…}`
    /// with sorted keys (RFC 8259 string escaping); `"submit_id"` (after `status_report_id`)
    /// only when set, so a message's DLR reads as it always did.
    public var json: String {
        let submit = submitID.map { ",\"submit_id\":\(JSONText.quoted($0))" } ?? ""
        return "{\"at\":\(at.millisecondsSince1970),\"client_reference\":\(JSONText.quoted(clientReference)),"
            + "\"message_id\":\(messageID),\"state\":\(JSONText.quoted(state.rawValue)),\"status_report_id\":\(statusReportID)"
            + submit + ",\"upstream_message_id\":\(JSONText.quoted(upstreamMessageID))}"
    }
}
