import GatewayCore

/// What the queue's pure decisions (QueueCore) need from the store and what they decide back:
/// the SIM that last sent to a recipient (sticky routing), holding a message for quiet hours,
/// expiring it with a reason, the attempts that count towards `queue.max_attempts`, and the
/// parts a status report may be about. Writer: `smsgw-queued`.
extension GatewayDatabase {
    enum QueueDecisionSQL {
        /// The attempt that reached (or may have reached) the network for this recipient's newest
        /// message that has one: `messages_by_destination` (migration 6) walked newest first
        /// (ids grow with time), then `attempts_by_message`.
        static let lastSender = """
            SELECT s.iccid, a.started_at FROM messages AS m INDEXED BY messages_by_destination
            JOIN attempts AS a INDEXED BY attempts_by_message ON a.message_id = m.id JOIN sims AS s ON s.id = a.sim_id
            WHERE m.destination = ? AND a.outcome IN ('pending', 'sent') AND a.started_at >= ?
            ORDER BY m.id DESC LIMIT 1
            """
        static let hold = "UPDATE messages SET not_before = ? WHERE id = ? AND state = 'queued'"
        static let failPending = "UPDATE message_parts SET state = 'failed' WHERE message_id = ? AND state = 'pending'"
        /// Attempts that ended, less those that never reached the modem (see ``notAttemptedPrefix``).
        static let countedAttempts = """
            SELECT count(*) FROM attempts WHERE message_id = ? AND outcome != 'pending'
              AND NOT (outcome = 'failed' AND error_detail LIKE 'not attempted:%')
            """
        static let partsByReference = """
            SELECT p.id, p.message_id, p.modem_id, p.sim_id, p.tp_mr, m.destination, p.submitted_at, p.state
            FROM message_parts AS p JOIN messages AS m ON m.id = p.message_id
            WHERE p.modem_id = ? AND p.sim_id = ? AND p.tp_mr = ? AND p.submitted_at BETWEEN ? AND ?
            """
        static let partsWithoutReference = """
            SELECT p.id, p.message_id, p.modem_id, p.sim_id, p.tp_mr, m.destination, p.submitted_at, p.state
            FROM message_parts AS p JOIN messages AS m ON m.id = p.message_id
            WHERE p.modem_id = ? AND p.sim_id = ? AND p.tp_mr IS NULL AND p.state = 'unknown' AND p.submitted_at BETWEEN ? AND ?
            """
        static let partsByReferenceAnySIM = """
            SELECT p.id, p.message_id, p.modem_id, p.sim_id, p.tp_mr, m.destination, p.submitted_at, p.state
            FROM message_parts AS p JOIN messages AS m ON m.id = p.message_id
            WHERE p.modem_id = ? AND (p.tp_mr = ? OR (p.tp_mr IS NULL AND p.state = 'unknown')) AND p.submitted_at BETWEEN ? AND ?
            """
    }

    /// The error detail that marks an attempt which never reached the modem: it does not count
    /// towards `queue.max_attempts` (QueueCore `RetryPolicy`, `AttemptResult.notAttempted`).
    public static let notAttemptedPrefix = "not attempted:"

    /// The ICCID of the SIM whose attempt to `destination` started last at or after `since`,
    /// with when it started; nil when none did. Attempts that failed are not conversations.
    public func lastSender(to destination: String, since: Timestamp) throws -> (iccid: String, at: Timestamp)? {
        try connection.queryFirst(QueueDecisionSQL.lastSender, destination, since.millisecondsSince1970) {
            ($0.text(0), Timestamp(millisecondsSince1970: $0.int64(1)))
        }
    }

    /// Holds a `queued` message until `until` (quiet hours, schedule): it becomes `held` and the
    /// held sweep releases it then. Returns false when the message was no longer `queued`.
    @discardableResult
    public func holdMessage(_ messageID: Int64, until: Timestamp, reason: String, now: Timestamp) throws -> Bool {
        try connection.transaction {
            guard try connection.run(QueueDecisionSQL.hold, until.millisecondsSince1970, messageID) == 1 else { return false }
            try transition(messageID, to: HistoryEntry(
                at: now, state: .held, actor: .queue, detail: "\(reason) until \(until.millisecondsSince1970)"))
            return true
        }
    }

    /// Expires a waiting (`queued` or `held`) message with `reason`: its pending parts fail.
    /// Returns false when it was in another state and nothing changed.
    @discardableResult
    public func expireMessage(_ messageID: Int64, reason: String, now: Timestamp) throws -> Bool {
        try connection.transaction {
            guard let current = try state(of: messageID), current == .queued || current == .held else { return false }
            try connection.run(QueueDecisionSQL.failPending, messageID)
            try transition(messageID, to: HistoryEntry(at: now, state: .expired, actor: .queue, detail: reason))
            try queueStateReport(messageID, state: .expired, now: now)
            return true
        }
    }

    /// Attempts of `messageID` that ended and count towards `queue.max_attempts`.
    public func countedAttemptCount(messageID: Int64) throws -> Int {
        try connection.queryFirst(QueueDecisionSQL.countedAttempts, messageID) { $0.int(0) } ?? 0
    }

    /// The parts `report` might be about: on its modem (and SIM, when the report names one),
    /// submitted within `window`, carrying its TP-MR or none at all (an attempt that ended
    /// unknown before `+CMGS`). QueueCore's `ReportCorrelation` chooses among them.
    public func reportCandidates(for report: NewStatusReport, window: ClosedRange<Timestamp>) throws -> [ReportCandidatePart] {
        let from = window.lowerBound.millisecondsSince1970, to = window.upperBound.millisecondsSince1970
        let reference = Int(report.messageReference)
        guard let simID = report.simID else {
            return try connection.query(QueueDecisionSQL.partsByReferenceAnySIM, report.modemID, reference, from, to, row: Self.candidate)
        }
        return try connection.query(QueueDecisionSQL.partsByReference, report.modemID, simID, reference, from, to, row: Self.candidate)
            + connection.query(QueueDecisionSQL.partsWithoutReference, report.modemID, simID, from, to, row: Self.candidate)
    }

    private static func candidate(_ row: SQLiteRow) -> ReportCandidatePart {
        ReportCandidatePart(
            partID: row.int64(0), messageID: row.int64(1), modemID: row.int64(2), simID: row.optionalInt64(3),
            messageReference: row.optionalInt64(4).map { UInt8(truncatingIfNeeded: $0) }, recipient: row.text(5),
            submittedAt: Timestamp(millisecondsSince1970: row.optionalInt64(6) ?? 0),
            // The CHECK on message_parts.state admits only PartState raw values.
            state: PartState(rawValue: row.text(7)) ?? .unknown)
    }
}

/// A message part as status-report correlation sees it.
public struct ReportCandidatePart: Sendable, Hashable {
    public var partID: Int64
    public var messageID: Int64
    public var modemID: Int64
    public var simID: Int64?
    public var messageReference: UInt8?
    public var recipient: String
    public var submittedAt: Timestamp
    public var state: PartState
}
