import GatewayCore

/// The durable upstream outbox (docs/architecture.md, MT step 6 and MO): DLRs and inbound messages wait
/// here until upstream took them. `smsgw-queued` and `smsgw-ingressd` insert; ingressd settles.
extension GatewayDatabase {
    enum OutboxSQL {
        static let enqueue = """
            INSERT INTO upstream_outbox (kind, account, message_id, inbound_id, payload, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """
        /// Claims by pushing `next_attempt_at` past a lease: a claimer that dies leaves the entry
        /// to be claimed again when the lease ends, so nothing is lost and nothing waits forever.
        static let claimDue = """
            UPDATE upstream_outbox SET attempts = attempts + 1, next_attempt_at = ?
            WHERE id IN (SELECT id FROM upstream_outbox WHERE state = 'pending' AND next_attempt_at <= ?
                         ORDER BY next_attempt_at, id LIMIT ?)
            RETURNING id, kind, account, message_id, inbound_id, payload, attempts
            """
        static let complete = "UPDATE upstream_outbox SET state = 'done', completed_at = ? WHERE id = ? AND state = 'pending'"
        static let retry = "UPDATE upstream_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'pending'"
        static let giveUp = """
            UPDATE upstream_outbox SET state = 'dead', completed_at = ?, last_error = ? WHERE id = ? AND state = 'pending'
            """
    }

    /// Adds a DLR (with `messageID`) or MO (with `inboundID`) for `account`, due at `now`.
    public func enqueueOutbox(kind: OutboxKind, account: String, messageID: Int64? = nil, inboundID: Int64? = nil,
                              payload: [UInt8], now: Timestamp) throws -> Int64 {
        try connection.run(OutboxSQL.enqueue, kind.rawValue, account, messageID, inboundID, SQLiteBlob(payload),
                           now.millisecondsSince1970, now.millisecondsSince1970)
        return connection.lastInsertRowID
    }

    /// Claims up to `limit` entries due at `now` (oldest due first) for `lease`; each claim
    /// counts as an attempt. Complete, retry or give up on each before the lease ends.
    public func claimDueOutbox(now: Timestamp, lease: Duration, limit: Int) throws -> [OutboxEntry] {
        let entries = try connection.query(
            OutboxSQL.claimDue, (now + lease).millisecondsSince1970, now.millisecondsSince1970, limit
        ) { row in
            // The CHECK on upstream_outbox.kind admits only OutboxKind raw values.
            OutboxEntry(id: row.int64(0), kind: OutboxKind(rawValue: row.text(1)) ?? .dlr, account: row.text(2),
                        messageID: row.optionalInt64(3), inboundID: row.optionalInt64(4), payload: row.blob(5),
                        attempts: row.int(6))
        }
        return entries.sorted { $0.id < $1.id }
    }

    /// Upstream took the entry.
    public func completeOutbox(_ id: Int64, now: Timestamp) throws {
        try expectOne(connection.run(OutboxSQL.complete, now.millisecondsSince1970, id), "pending outbox entry", id)
    }

    /// Upstream was unreachable or refused for now: try again at `at`.
    public func retryOutbox(_ id: Int64, at: Timestamp, error: String) throws {
        try expectOne(connection.run(OutboxSQL.retry, at.millisecondsSince1970, error, id), "pending outbox entry", id)
    }

    /// Stop trying (too many attempts, account removed); the entry stays for audits.
    public func giveUpOutbox(_ id: Int64, now: Timestamp, error: String) throws {
        try expectOne(connection.run(OutboxSQL.giveUp, now.millisecondsSince1970, error, id), "pending outbox entry", id)
    }

    func expectOne(_ changed: Int, _ what: String, _ id: Int64) throws {
        guard changed == 1 else { throw StoreError(.notFound(what: what, id: id), path: connection.path) }
    }

    /// How many outbox entries are still `pending` (smsgw-ingressd's `health`).
    public func pendingOutboxCount() throws -> Int {
        try connection.queryFirst("SELECT count(*) FROM upstream_outbox WHERE state = 'pending'") { $0.int(0) } ?? 0
    }
}
