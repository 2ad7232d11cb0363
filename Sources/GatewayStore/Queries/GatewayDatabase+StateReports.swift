import GatewayCore

/// DLRs for outcomes that are not status reports: a message that became `failed`
/// (attempts exhausted, a permanent error), `expired` or `cancelled` gets a final DLR when its
/// report mask has `.failed`; one that became `sent` (every part accepted by the SMSC) gets an
/// intermediate one (Appendix B stat ACCEPTD) when the mask has `.sent`. Queued in the same
/// transaction as the transition, like the status-report path (`correlateStatusReport`).
extension GatewayDatabase {
    enum StateReportSQL {
        static let message = "SELECT account, upstream_message_id, client_reference, dlr_mask FROM messages WHERE id = ?"
        static let lastOutboxID = "SELECT coalesce(max(id), 0) FROM upstream_outbox"
    }

    /// Call inside the transaction that moved `messageID` to `state`; the outbox entry, if one was queued.
    @discardableResult
    func queueStateReport(_ messageID: Int64, state: MessageState, now: Timestamp) throws -> Int64? {
        guard state == .sent || state == .failed || state == .expired || state == .cancelled,
              let (account, upstreamID, reference, mask) = try connection.queryFirst(
                StateReportSQL.message, messageID,
                row: { ($0.text(0), $0.optionalText(1), $0.optionalText(2), ReportMask(rawValue: $0.int(3))) }),
              mask.wants(state)
        else { return nil }
        let payload = DeliveryReportPayload(messageID: messageID, upstreamMessageID: upstreamID, clientReference: reference,
                                            state: state, at: now, statusReportID: 0)
        return try enqueueOutbox(kind: .dlr, account: account, messageID: messageID, payload: Array(payload.json.utf8), now: now)
    }

    /// The newest outbox entry's id (0 for none): queued compares it across a turn to know
    /// whether to wake ingressd.
    public func lastOutboxID() throws -> Int64 {
        try connection.queryFirst(StateReportSQL.lastOutboxID) { $0.int64(0) } ?? 0
    }
}
