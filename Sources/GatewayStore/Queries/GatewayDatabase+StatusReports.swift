import GatewayCore

/// Status reports (3GPP TS 23.040 §9.2.2.3): stored by `smsgw-modemd`, correlated to the part
/// they report on by `smsgw-queued` (docs/architecture.md, MT step 5).
extension GatewayDatabase {
    enum StatusReportSQL {
        static let insert = """
            INSERT INTO status_reports (modem_id, sim_id, tp_mr, recipient, sc_timestamp, discharge_time,
                status, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let pending = """
            SELECT id, modem_id, sim_id, tp_mr, recipient, sc_timestamp, discharge_time, status, received_at
            FROM status_reports WHERE match_state = 'pending' ORDER BY id LIMIT ?
            """
        static let match = "UPDATE status_reports SET match_state = 'matched', part_id = ? WHERE id = ? AND match_state = 'pending'"
        static let unmatched = "UPDATE status_reports SET match_state = 'unmatched' WHERE id = ? AND match_state = 'pending'"
        static let report = "SELECT status, discharge_time, tp_mr FROM status_reports WHERE id = ?"
        static let setPart = """
            UPDATE message_parts SET state = ?, delivered_at = ?, tp_mr = coalesce(tp_mr, ?)
            WHERE id = ? RETURNING message_id
            """
        static let partStates = """
            SELECT state FROM message_parts WHERE message_id = ?
            """
    }

    /// Stores a received status report (modemd); returns its id.
    public func insertStatusReport(_ report: NewStatusReport) throws -> Int64 {
        try connection.run(
            StatusReportSQL.insert, report.modemID, report.simID, Int(report.messageReference), report.recipient,
            report.serviceCentreTime.millisecondsSince1970, report.dischargeTime.millisecondsSince1970,
            Int(report.status), report.receivedAt.millisecondsSince1970)
        return connection.lastInsertRowID
    }

    /// Reports not yet correlated, oldest first.
    public func pendingStatusReports(limit: Int) throws -> [StoredStatusReport] {
        try connection.query(StatusReportSQL.pending, limit) { row in
            StoredStatusReport(id: row.int64(0), report: NewStatusReport(
                modemID: row.int64(1), simID: row.optionalInt64(2), messageReference: UInt8(truncatingIfNeeded: row.int(3)),
                recipient: row.text(4), serviceCentreTime: Timestamp(millisecondsSince1970: row.int64(5)),
                dischargeTime: Timestamp(millisecondsSince1970: row.int64(6)), status: UInt8(truncatingIfNeeded: row.int(7)),
                receivedAt: Timestamp(millisecondsSince1970: row.int64(8))))
        }
    }

    /// Ties report `reportID` to `partID` and applies its TP-Status, in the caller's transaction
    /// (``correlateStatusReport(_:partID:now:)``): a delivered part becomes `delivered` (the
    /// message too once every part is), a failed one `failed` (and the message); "still trying"
    /// changes no state. Each change is appended to the message's history. Returns the
    /// message's state afterwards.
    func resolveStatusReportInTransaction(_ reportID: Int64, partID: Int64, now: Timestamp) throws -> MessageState {
        do {
            guard try connection.run(StatusReportSQL.match, partID, reportID) == 1,
                  let (status, discharge, reference) = try connection.queryFirst(
                    StatusReportSQL.report, reportID, row: { ($0.int(0), $0.int64(1), $0.int(2)) })
            else { throw StoreError(.notFound(what: "pending status report", id: reportID), path: connection.path) }
            let outcome = DeliveryOutcome(tpStatus: UInt8(truncatingIfNeeded: status))
            let detail = "status report \(reportID): TP-ST \(status) for part \(partID)"
            let partState: PartState = switch outcome {
            case .delivered: .delivered
            case .failed: .failed
            case .stillTrying: .sent
            }
            guard let messageID = try connection.queryFirst(
                StatusReportSQL.setPart, partState.rawValue, outcome == .delivered ? discharge : nil as Int64?,
                reference, partID, row: { $0.int64(0) })
            else { throw StoreError(.notFound(what: "message part", id: partID), path: connection.path) }
            let current = try state(of: messageID) ?? .unknown
            let parts = try connection.query(StatusReportSQL.partStates, messageID) { PartState(rawValue: $0.text(0)) ?? .unknown }
            // A report moves a message forward only: to delivered, failed, sent or unknown as its
            // parts say, never back to queued or sending.
            let aggregate = MessageAggregate.state(of: parts)
            let next: MessageState = [.delivered, .failed, .sent, .unknown].contains(aggregate) ? aggregate : current
            if next != current {
                try transition(messageID, to: HistoryEntry(at: now, state: next, actor: .queue, detail: detail))
            } else {
                try appendHistory(messageID, HistoryEntry(at: now, state: current, actor: .queue, detail: detail))
            }
            return next
        }
    }

    /// Records that no part matches `reportID` (kept for audits, never matched again).
    public func markStatusReportUnmatched(_ reportID: Int64) throws {
        guard try connection.run(StatusReportSQL.unmatched, reportID) == 1 else {
            throw StoreError(.notFound(what: "pending status report", id: reportID), path: connection.path)
        }
    }
}
