import GatewayCore

/// Which DLRs a message's outcome queues (docs/store.md, "Receipts per submit"). A message
/// submitted whole, or split by the box, was answered with one id and gets one DLR per
/// outcome its report mask asks for. A message the ESME split itself (one submit_sm per part)
/// was answered with one ``SubmitID`` per part, and upstream waits for a receipt per id: each
/// part whose own submit asked (`submit_dlr_mask`; Kannel asks on the first part only) gets
/// its own DLR — the part's own status report where one settled it, else the message's
/// outcome — and at most one final DLR (`receipt_settled_at`). Always in the transaction of the
/// state change it reports, so a crash never leaves an outcome without its DLRs nor a DLR for
/// an outcome not stored.
extension GatewayDatabase {
    enum ReceiptSQL {
        static let message = "SELECT account, upstream_message_id, client_reference, dlr_mask FROM messages WHERE id = ?"
        static let parts = """
            SELECT id, submit_id, submit_dlr_mask, receipt_settled_at FROM message_parts WHERE message_id = ? ORDER BY seq
            """
        static let part = """
            SELECT message_id, submit_id, submit_dlr_mask, receipt_settled_at, state FROM message_parts WHERE id = ?
            """
        static let settle = "UPDATE message_parts SET receipt_settled_at = ? WHERE id = ? AND receipt_settled_at IS NULL"
    }

    /// The message a DLR is about, as the payload needs it.
    private struct ReceiptTarget {
        var account: String
        var upstreamID: String?
        var reference: String?
        var mask: ReportMask
    }

    /// Queues the DLRs of message `messageID` having become `state`, in the caller's
    /// transaction; returns the outbox entries. `statusReportID` is the report that caused the
    /// change (0 for none). A part without a submit id (the box planned it) means the message
    /// was answered with its own id: one DLR for it when the message's mask wants `state`. Each
    /// part with a submit id gets one when its own mask wants `state`; for a final state only
    /// if its final outcome is not settled yet (a status report of its own settled it), and it
    /// is settled now, asked for or not.
    func queueReceipts(_ messageID: Int64, state: MessageState, statusReportID: Int64, now: Timestamp) throws -> [Int64] {
        // The message's mask is the union of its parts' (GatewayDatabase+Assembly): if it does
        // not want `state`, no part does.
        guard let target = try receiptTarget(messageID), target.mask.wants(state) else { return [] }
        let parts = try connection.query(ReceiptSQL.parts, messageID) { row in
            (id: row.int64(0), submitID: row.optionalText(1), mask: ReportMask(rawValue: row.optionalInt(2) ?? 0),
             settled: row.optionalInt64(3) != nil)
        }
        var entries: [Int64] = []
        if parts.isEmpty || parts.contains(where: { $0.submitID == nil }) {
            entries.append(try enqueueReceipt(target, messageID: messageID, submitID: nil, state: state,
                                              statusReportID: statusReportID, now: now))
        }
        for part in parts {
            guard let submitID = part.submitID else { continue }
            if state.isFinal {
                guard !part.settled else { continue }
                try connection.run(ReceiptSQL.settle, now.millisecondsSince1970, part.id)
            }
            guard part.mask.wants(state) else { continue }
            entries.append(try enqueueReceipt(target, messageID: messageID, submitID: submitID, state: state,
                                              statusReportID: statusReportID, now: now))
        }
        return entries
    }

    /// Status report `reportID` has just been applied to part `partID` (caller's transaction):
    /// when the part has its own submit id and the report made it `delivered` or `failed`,
    /// that is the part's final outcome — settled now, its DLR queued when its submit asked
    /// for that outcome, whatever the rest of the message does. Returns the entry, if any.
    func queuePartReceipt(partID: Int64, statusReportID: Int64, now: Timestamp) throws -> Int64? {
        guard let part = try connection.queryFirst(ReceiptSQL.part, partID, row: { row in
            (messageID: row.int64(0), submitID: row.optionalText(1), mask: ReportMask(rawValue: row.optionalInt(2) ?? 0),
             settled: row.optionalInt64(3) != nil, state: PartState(rawValue: row.text(4)))
        }), let submitID = part.submitID, !part.settled else { return nil }
        let outcome: MessageState
        switch part.state {
        case .delivered: outcome = .delivered
        case .failed: outcome = .failed
        default: return nil
        }
        try connection.run(ReceiptSQL.settle, now.millisecondsSince1970, partID)
        guard part.mask.wants(outcome), let target = try receiptTarget(part.messageID) else { return nil }
        return try enqueueReceipt(target, messageID: part.messageID, submitID: submitID, state: outcome,
                                  statusReportID: statusReportID, now: now)
    }

    private func receiptTarget(_ messageID: Int64) throws -> ReceiptTarget? {
        try connection.queryFirst(ReceiptSQL.message, messageID) { row in
            ReceiptTarget(account: row.text(0), upstreamID: row.optionalText(1), reference: row.optionalText(2),
                          mask: ReportMask(rawValue: row.int(3)))
        }
    }

    private func enqueueReceipt(_ target: ReceiptTarget, messageID: Int64, submitID: String?, state: MessageState,
                                statusReportID: Int64, now: Timestamp) throws -> Int64 {
        let payload = DeliveryReportPayload(
            messageID: messageID, upstreamMessageID: target.upstreamID, clientReference: target.reference, state: state,
            at: now, statusReportID: statusReportID, submitID: submitID)
        return try enqueueOutbox(kind: .dlr, account: target.account, messageID: messageID,
                                 payload: Array(payload.json.utf8), now: now)
    }
}
