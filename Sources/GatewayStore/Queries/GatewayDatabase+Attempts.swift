import GatewayCore

/// Attempts: handing a message to a modem and recording how that ended (docs/architecture.md,
/// MT steps 3-4, "Delivery semantics"). Writer: `smsgw-queued`.
extension GatewayDatabase {
    enum AttemptSQL {
        static let insert = "INSERT INTO attempts (message_id, modem_id, sim_id, started_at) VALUES (?, ?, ?, ?)"
        static let claimParts = """
            UPDATE message_parts SET state = 'sending', attempt_id = ?, modem_id = ?, sim_id = ?,
                submitted_at = ?, tp_mr = NULL, error_code = NULL
            WHERE message_id = ? AND state = 'pending'
            """
        static let markPartSent = """
            UPDATE message_parts SET state = 'sent', tp_mr = ?, sent_at = ?
            WHERE id = ? AND state = 'sending'
            RETURNING attempt_id, message_id
            """
        static let partsStillSending = "SELECT count(*) FROM message_parts WHERE attempt_id = ? AND state = 'sending'"
        static let finish = """
            UPDATE attempts SET outcome = ?, finished_at = ?, error_code = ?, error_detail = ?
            WHERE id = ? AND outcome = 'pending'
            RETURNING message_id
            """
        static let partsOfAttempt = "UPDATE message_parts SET state = ?, error_code = ? WHERE attempt_id = ? AND state = 'sending'"
        static let inFlight = "SELECT id FROM attempts WHERE outcome = 'pending' ORDER BY id"
        static let inFlightWithMessage = "SELECT id, message_id FROM attempts WHERE outcome = 'pending' ORDER BY id"
        static let requeueParts = "UPDATE message_parts SET state = 'pending' WHERE message_id = ? AND state IN ('unknown', 'failed')"
    }

    /// Records `+CMGS: <mr>` for a part (3GPP TS 27.005 §3.5.1). When it was the attempt's last
    /// part in flight, the attempt is `sent` and the message `sent`. Returns true in that case.
    @discardableResult
    public func markPartSent(partID: Int64, messageReference: UInt8, now: Timestamp) throws -> Bool {
        try connection.transaction { try markPartSentInTransaction(partID: partID, messageReference: messageReference, now: now) }
    }

    /// The body of ``markPartSent(partID:messageReference:now:)``, in the caller's transaction.
    func markPartSentInTransaction(partID: Int64, messageReference: UInt8, now: Timestamp) throws -> Bool {
        guard let (attemptID, messageID) = try connection.queryFirst(
            AttemptSQL.markPartSent, Int(messageReference), now.millisecondsSince1970, partID,
            row: { ($0.int64(0), $0.int64(1)) })
        else { throw StoreError(.notFound(what: "part being sent", id: partID), path: connection.path) }
        let left = try connection.queryFirst(AttemptSQL.partsStillSending, attemptID) { $0.int(0) } ?? 0
        guard left == 0 else { return false }
        _ = try connection.queryFirst(AttemptSQL.finish, AttemptOutcome.sent.rawValue,
                                      now.millisecondsSince1970, nil as Int?, nil as String?, attemptID) { $0.int64(0) }
        try transition(messageID, to: HistoryEntry(at: now, state: .sent, actor: .queue, detail: "attempt \(attemptID)"))
        try queueStateReport(messageID, state: .sent, now: now)
        return true
    }

    /// Ends an attempt that the modem or network refused (`+CMS ERROR: <code>`). With `retry`,
    /// the parts still in flight go back to `pending` and the message to `queued`; without, the
    /// parts and the message are `failed`.
    public func failAttempt(_ attemptID: Int64, errorCode: Int?, detail: String, retry: Bool, now: Timestamp) throws {
        try connection.transaction {
            let messageID = try finish(attemptID, .failed, errorCode: errorCode, detail: detail, now: now)
            try connection.run(AttemptSQL.partsOfAttempt, retry ? PartState.pending.rawValue : PartState.failed.rawValue,
                               errorCode, attemptID)
            let state: MessageState = retry ? .queued : .failed
            let code = errorCode.map { " (error \($0))" } ?? ""
            try transition(messageID, to: HistoryEntry(at: now, state: state, actor: .queue, detail: detail + code))
            try queueStateReport(messageID, state: state, now: now)
        }
    }

    /// Marks an attempt whose outcome is unknown (the sender died or hung between AT+CMGS and its
    /// answer): the attempt, its parts in flight and the message become `unknown`. It is not
    /// retried unless `requeueUnknown` is called; a later status report can still resolve it.
    public func markAttemptUnknown(_ attemptID: Int64, detail: String, now: Timestamp) throws {
        try connection.transaction { try markUnknownInTransaction(attemptID, detail: detail, now: now) }
    }

    /// Start-up recovery: every attempt still `pending` belonged to a process that is gone, so
    /// its outcome is unknown. Returns the attempts marked.
    public func markInFlightAttemptsUnknown(now: Timestamp) throws -> [Int64] {
        try connection.transaction {
            let attempts = try connection.query(AttemptSQL.inFlight) { $0.int64(0) }
            for attempt in attempts {
                try markUnknownInTransaction(attempt, detail: "in flight at restart", now: now)
            }
            return attempts
        }
    }

    /// Every attempt still `pending` (in flight), oldest first, with its message.
    public func inFlightAttempts() throws -> [(attemptID: Int64, messageID: Int64)] {
        try connection.query(AttemptSQL.inFlightWithMessage) { ($0.int64(0), $0.int64(1)) }
    }

    /// Puts an `unknown` message back in the queue (where configuration allows a resend).
    public func requeueUnknown(_ messageID: Int64, now: Timestamp) throws {
        try connection.transaction {
            guard try state(of: messageID) == .unknown else {
                throw StoreError(.notFound(what: "unknown message", id: messageID), path: connection.path)
            }
            try connection.run(AttemptSQL.requeueParts, messageID)
            try transition(messageID, to: HistoryEntry(at: now, state: .queued, actor: .queue, detail: "resend of unknown"))
        }
    }

    private func markUnknownInTransaction(_ attemptID: Int64, detail: String, now: Timestamp) throws {
        let messageID = try finish(attemptID, .unknown, errorCode: nil, detail: detail, now: now)
        try connection.run(AttemptSQL.partsOfAttempt, PartState.unknown.rawValue, nil as Int?, attemptID)
        try transition(messageID, to: HistoryEntry(at: now, state: .unknown, actor: .queue, detail: detail))
    }

    private func finish(_ attemptID: Int64, _ outcome: AttemptOutcome, errorCode: Int?, detail: String?,
                        now: Timestamp) throws -> Int64 {
        guard let messageID = try connection.queryFirst(
            AttemptSQL.finish, outcome.rawValue, now.millisecondsSince1970, errorCode, detail, attemptID,
            row: { $0.int64(0) })
        else { throw StoreError(.notFound(what: "attempt in flight", id: attemptID), path: connection.path) }
        return messageID
    }
}
