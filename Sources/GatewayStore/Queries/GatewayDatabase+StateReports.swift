import GatewayCore

/// DLRs for outcomes that are not status reports: a message that became `failed`
/// (attempts exhausted, a permanent error), `expired` or `cancelled` gets a final DLR when its
/// report mask has `.failed`; one that became `sent` (every part accepted by the SMSC) gets an
/// intermediate one (Appendix B stat ACCEPTD) when the mask has `.sent`. Queued in the same
/// transaction as the transition, like the status-report path (`correlateStatusReport`). A
/// message the ESME split itself gets them per submitted part (GatewayDatabase+SubmitReceipts).
extension GatewayDatabase {
    enum StateReportSQL {
        static let lastOutboxID = "SELECT coalesce(max(id), 0) FROM upstream_outbox"
    }

    /// Call inside the transaction that moved `messageID` to `state`; the outbox entries queued.
    @discardableResult
    func queueStateReport(_ messageID: Int64, state: MessageState, now: Timestamp) throws -> [Int64] {
        guard state == .sent || state == .failed || state == .expired || state == .cancelled else { return [] }
        return try queueReceipts(messageID, state: state, statusReportID: 0, now: now)
    }

    /// The newest outbox entry's id (0 for none): queued compares it across a turn to know
    /// whether to wake ingressd.
    public func lastOutboxID() throws -> Int64 {
        try connection.queryFirst(StateReportSQL.lastOutboxID) { $0.int64(0) } ?? 0
    }
}
