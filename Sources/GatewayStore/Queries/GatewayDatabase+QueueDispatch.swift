import GatewayCore

/// The queue's dispatch writes (docs/architecture.md, MT step 3): an attempt starts
/// and charges the SIM's hour/day/month counters in the same transaction, so the queue (the
/// only place a message is charged to a SIM) can never overshoot a limit, and a retry waits out
/// its back-off. Writer: `smsgw-queued`.
extension GatewayDatabase {
    enum QueueDispatchSQL {
        static let messageState = "SELECT state FROM messages WHERE id = ?"
        static let pendingPartCount = "SELECT count(*) FROM message_parts WHERE message_id = ? AND state = 'pending'"
        static let attemptCount = "SELECT count(*) FROM attempts WHERE message_id = ? AND outcome != 'pending'"
        static let finish = """
            UPDATE attempts SET outcome = 'failed', finished_at = ?, error_code = ?, error_detail = ?
            WHERE id = ? AND outcome = 'pending' RETURNING message_id, sim_id
            """
        static let partsBack = """
            UPDATE message_parts SET state = 'pending', error_code = ? WHERE attempt_id = ? AND state = 'sending'
            """
        static let notBefore = "UPDATE messages SET not_before = ? WHERE id = ?"
        static let modemID = "SELECT id FROM modems WHERE name = ?"
        static let simID = "SELECT id FROM sims WHERE iccid = ?"
        static let cancelParts = "UPDATE message_parts SET state = 'failed' WHERE message_id = ? AND state = 'pending'"
    }

    /// Starts an attempt on `messageID` (which must be `queued`) through `simID` on `modemID`
    /// and adds one sent message per part to the SIM's hour, day and month counters (the
    /// windows starting at `windows`, which the caller draws in the box's local calendar), in
    /// the caller's transaction (``recordSentAndBegin(_:begin:now:)`` groups a turn's in one
    /// commit). Throws `notFound` unless the message is `queued`.
    func beginChargedAttemptInTransaction(messageID: Int64, modemID: Int64, simID: Int64, windows: SimCounterWindows,
                                          now: Timestamp) throws -> Int64 {
        guard try state(of: messageID) == .queued else {
            throw StoreError(.notFound(what: "queued message", id: messageID), path: connection.path)
        }
        let parts = try connection.queryFirst(QueueDispatchSQL.pendingPartCount, messageID) { $0.int(0) } ?? 0
        try connection.run(AttemptSQL.insert, messageID, modemID, simID, now.millisecondsSince1970)
        let attemptID = connection.lastInsertRowID
        try connection.run(AttemptSQL.claimParts, attemptID, modemID, simID, now.millisecondsSince1970, messageID)
        try incrementSimCountersInTransaction(simID: simID, by: SimCounts(sent: parts), windows: windows)
        try transition(messageID, to: HistoryEntry(
            at: now, state: .sending, actor: .queue, detail: "attempt \(attemptID) modem \(modemID) sim \(simID)"))
        return attemptID
    }

    /// Ends an attempt that failed for now (a temporary `+CMS ERROR`, a device fault): the parts
    /// still in flight go back to `pending`, the message to `queued`, not to be picked before
    /// `retryAt` (the back-off). The SIM stays charged: the modem had the message. One
    /// transaction, one history line.
    public func failAttemptForRetry(_ attemptID: Int64, errorCode: Int?, detail: String, retryAt: Timestamp,
                                    now: Timestamp) throws {
        try connection.transaction {
            _ = try handBackInTransaction(attemptID, errorCode: errorCode, detail: detail, retryAt: retryAt, now: now)
        }
    }

    /// Ends an attempt that never reached a modem (modemd answered `not_attempted`, `not_ready`
    /// or `queue_full`, or refused the call before running it): as
    /// ``failAttemptForRetry(_:errorCode:detail:retryAt:now:)``, with the detail marked
    /// ``notAttemptedPrefix`` (the attempt does not count towards `queue.max_attempts`), and —
    /// in the same transaction — the parts handed back are taken off the SIM's hour, day and
    /// month counters in `windows`: the windows the attempt's begin charged (``AttemptStart``),
    /// which are not today's when midnight passed meanwhile. Nothing was sent, so nothing stays
    /// counted against the SIM's limits. Returns how many parts were handed back and refunded.
    @discardableResult
    public func handBackNotAttempted(_ attemptID: Int64, detail: String, chargedIn windows: SimCounterWindows,
                                     retryAt: Timestamp, now: Timestamp) throws -> Int {
        try connection.transaction {
            let (simID, parts) = try handBackInTransaction(attemptID, errorCode: nil, detail: "\(Self.notAttemptedPrefix) \(detail)",
                                                           retryAt: retryAt, now: now)
            try refundSimCountersInTransaction(simID: simID, sent: parts, windows: windows)
            return parts
        }
    }

    /// Finishes the attempt `failed`, hands its parts in flight back to `pending` and the
    /// message to `queued` after `retryAt`; the attempt's SIM and how many parts went back.
    private func handBackInTransaction(_ attemptID: Int64, errorCode: Int?, detail: String, retryAt: Timestamp,
                                       now: Timestamp) throws -> (simID: Int64, parts: Int) {
        guard let (messageID, simID) = try connection.queryFirst(
            QueueDispatchSQL.finish, now.millisecondsSince1970, errorCode, detail, attemptID, row: { ($0.int64(0), $0.int64(1)) })
        else { throw StoreError(.notFound(what: "attempt in flight", id: attemptID), path: connection.path) }
        let parts = try connection.run(QueueDispatchSQL.partsBack, errorCode, attemptID)
        try connection.run(QueueDispatchSQL.notBefore, retryAt.millisecondsSince1970, messageID)
        let code = errorCode.map { " (error \($0))" } ?? ""
        try transition(messageID, to: HistoryEntry(
            at: now, state: .queued, actor: .queue, detail: "\(detail)\(code); retry after \(retryAt.millisecondsSince1970)"))
        return (simID, parts)
    }

    /// How many attempts of `messageID` have ended (sent, failed or unknown).
    public func finishedAttemptCount(messageID: Int64) throws -> Int {
        try connection.queryFirst(QueueDispatchSQL.attemptCount, messageID) { $0.int(0) } ?? 0
    }

    /// The store id of the modem named `name` in the configuration (modemd registers it).
    public func modemID(named name: String) throws -> Int64? {
        try connection.queryFirst(QueueDispatchSQL.modemID, name) { $0.int64(0) }
    }

    /// The store id of the SIM with `iccid` (modemd registers it when it reads the identity).
    public func simID(iccid: String) throws -> Int64? {
        try connection.queryFirst(QueueDispatchSQL.simID, iccid) { $0.int64(0) }
    }

    /// Cancels a message that has not been handed to a modem (`queued` or `held`): it becomes
    /// `cancelled`, its pending parts `failed`. Returns false when the message is in another
    /// state (sending, sent, final) and nothing changed; throws `notFound` for no such message.
    public func cancelWaitingMessage(_ messageID: Int64, actor: HistoryActor, reason: String, now: Timestamp) throws -> Bool {
        try connection.transaction {
            guard let current = try state(of: messageID) else {
                throw StoreError(.notFound(what: "message", id: messageID), path: connection.path)
            }
            guard current == .queued || current == .held else { return false }
            try connection.run(QueueDispatchSQL.cancelParts, messageID)
            try transition(messageID, to: HistoryEntry(at: now, state: .cancelled, actor: actor, detail: reason))
            try queueStateReport(messageID, state: .cancelled, now: now)
            return true
        }
    }
}
