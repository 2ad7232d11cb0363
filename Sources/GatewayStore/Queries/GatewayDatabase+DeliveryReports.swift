import GatewayCore

/// Correlated status reports become upstream DLRs (DESIGN.md, MT steps 4-5): the message's
/// final state and the outbox entry ingress pushes upstream are written in one transaction, so
/// a crash never leaves a delivered message without its DLR, nor a DLR for a state not stored.
extension GatewayDatabase {
    enum DeliveryReportSQL {
        static let message = """
            SELECT account, upstream_message_id, client_reference, dlr_mask FROM messages WHERE id = ?
            """
        static let messageOfPart = "SELECT message_id FROM message_parts WHERE id = ?"
    }

    /// Ties report `reportID` to `partID` and applies it (``resolveStatusReportInTransaction(_:partID:now:)``);
    /// when that makes the message `delivered` or `failed` and its report mask asks for that
    /// outcome (``ReportMask/wants(_:)``), queues the DLR in `upstream_outbox` in the same transaction. Returns the message's
    /// state afterwards and the outbox entry, if one was queued.
    public func correlateStatusReport(_ reportID: Int64, partID: Int64, now: Timestamp) throws
        -> (state: MessageState, dlr: Int64?) {
        try connection.transaction {
            guard let messageID = try connection.queryFirst(DeliveryReportSQL.messageOfPart, partID, row: { $0.int64(0) })
            else { throw StoreError(.notFound(what: "message part", id: partID), path: connection.path) }
            let before = try state(of: messageID)
            let after = try resolveStatusReportInTransaction(reportID, partID: partID, now: now)
            guard after != before, after == .delivered || after == .failed,
                  let (account, upstreamID, reference, mask) = try connection.queryFirst(
                    DeliveryReportSQL.message, messageID,
                    row: { ($0.text(0), $0.optionalText(1), $0.optionalText(2), ReportMask(rawValue: $0.int(3))) }),
                  mask.wants(after)
            else { return (after, nil) }
            let payload = DeliveryReportPayload(
                messageID: messageID, upstreamMessageID: upstreamID, clientReference: reference, state: after,
                at: now, statusReportID: reportID)
            let entry = try enqueueOutbox(kind: .dlr, account: account, messageID: messageID,
                                          payload: Array(payload.json.utf8), now: now)
            return (after, entry)
        }
    }
}

/// The DLR an outbox entry carries: a small JSON object ingress turns into an SMPP deliver_sm
/// (receipted_message_id = the upstream id, message_state) or a webhook call.
public struct DeliveryReportPayload: Sendable, Hashable {
    public var messageID: Int64
    public var upstreamMessageID: String?
    public var clientReference: String?
    public var state: MessageState
    public var at: Timestamp
    public var statusReportID: Int64

    public init(messageID: Int64, upstreamMessageID: String?, clientReference: String?, state: MessageState,
                at: Timestamp, statusReportID: Int64) {
        self.messageID = messageID
        self.upstreamMessageID = upstreamMessageID
        self.clientReference = clientReference
        self.state = state
        self.at = at
        self.statusReportID = statusReportID
    }

    /// `{"at":…,"client_reference":…,"message_id":…,"state":"delivered","status_report_id":…,"upstream_message_id":…}`
    /// with sorted keys (RFC 8259 string escaping).
    public var json: String {
        "{\"at\":\(at.millisecondsSince1970),\"client_reference\":\(JSONText.quoted(clientReference)),"
            + "\"message_id\":\(messageID),\"state\":\(JSONText.quoted(state.rawValue)),\"status_report_id\":\(statusReportID),"
            + "\"upstream_message_id\":\(JSONText.quoted(upstreamMessageID))}"
    }
}
