import GatewayCore

/// Correlated status reports become upstream DLRs (docs/architecture.md, MT steps 5-6): the message's
/// final state and the outbox entry ingress pushes upstream are written in one transaction, so
/// a crash never leaves a delivered message without its DLR, nor a DLR for a state not stored.
extension GatewayDatabase {
    enum DeliveryReportSQL {
        static let messageOfPart = "SELECT message_id FROM message_parts WHERE id = ?"
    }

    /// Ties report `reportID` to `partID` and applies it (``resolveStatusReportInTransaction(_:partID:now:)``),
    /// and queues in the same transaction the DLRs it settles (GatewayDatabase+SubmitReceipts):
    /// the part's own, when the ESME submitted it with its own id and the report is final; the
    /// message's, when the report made it `delivered` or `failed` and the mask asks for that
    /// outcome (``ReportMask/wants(_:)``). Returns the message's state afterwards and the outbox
    /// entries queued.
    public func correlateStatusReport(_ reportID: Int64, partID: Int64, now: Timestamp) throws
        -> (state: MessageState, dlrs: [Int64]) {
        try connection.transaction {
            guard let messageID = try connection.queryFirst(DeliveryReportSQL.messageOfPart, partID, row: { $0.int64(0) })
            else { throw StoreError(.notFound(what: "message part", id: partID), path: connection.path) }
            let before = try state(of: messageID)
            let after = try resolveStatusReportInTransaction(reportID, partID: partID, now: now)
            var entries: [Int64] = []
            if let own = try queuePartReceipt(partID: partID, statusReportID: reportID, now: now) { entries.append(own) }
            if after != before, after == .delivered || after == .failed {
                entries += try queueReceipts(messageID, state: after, statusReportID: reportID, now: now)
            }
            return (after, entries)
        }
    }
}
