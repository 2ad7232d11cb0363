import GatewayCore

/// Reads for the HTTP API (docs/ingressd.md): one message with its parts, scoped to the
/// account that sent it; the inbound messages routed to an account; counts for /metrics.
extension GatewayDatabase {
    enum LookupSQL {
        static let message = """
            SELECT id, account, client_reference, source, destination, class, priority, state,
                created_at, updated_at, not_before, expires_at
            FROM messages WHERE id = ? AND account = ?
            """
        static let parts = """
            SELECT seq, state, sent_at, delivered_at, error_code FROM message_parts WHERE message_id = ? ORDER BY seq
            """
        static let inbound = """
            SELECT i.id, i.originator, i.text, coalesce(i.completed_at, i.first_received_at), o.state
            FROM upstream_outbox o JOIN inbound_messages i ON i.id = o.inbound_id
            WHERE o.kind = 'mo' AND o.account = ? AND o.inbound_id > ? AND i.state = 'complete'
            ORDER BY o.inbound_id LIMIT ?
            """
        static let outboxByState = "SELECT kind, state, count(*) FROM upstream_outbox GROUP BY kind, state"
        static let modemsByState = "SELECT state, count(*) FROM modems GROUP BY state"
    }

    /// Message `id` if `account` sent it (another account's message is as absent as none).
    public func messageStatus(_ id: Int64, account: String) throws -> MessageStatusRecord? {
        let found = try connection.queryFirst(LookupSQL.message, id, account) { row in
            MessageStatusRecord(
                id: row.int64(0), account: row.text(1), clientReference: row.optionalText(2), source: row.text(3),
                destination: row.text(4), messageClass: row.text(5), priority: row.int(6),
                state: MessageState(rawValue: row.text(7)) ?? .unknown,
                createdAt: Timestamp(millisecondsSince1970: row.int64(8)), updatedAt: Timestamp(millisecondsSince1970: row.int64(9)),
                notBefore: Timestamp(millisecondsSince1970: row.int64(10)), expiresAt: Timestamp(millisecondsSince1970: row.int64(11)),
                parts: [])
        }
        guard var message = found else { return nil }
        message.parts = try connection.query(LookupSQL.parts, id) { row in
            PartStatusRecord(sequence: row.int(0), state: row.text(1),
                             sentAt: row.optionalInt64(2).map(Timestamp.init(millisecondsSince1970:)),
                             deliveredAt: row.optionalInt64(3).map(Timestamp.init(millisecondsSince1970:)),
                             errorCode: row.optionalInt(4))
        }
        return message
    }

    /// Complete inbound messages routed to `account` (outbox kind `mo`) with ids after
    /// `sinceID`, oldest first, at most `limit`: a range of `upstream_outbox_inbound_feed`.
    public func inboundFeed(account: String, sinceID: Int64, limit: Int) throws -> [InboundFeedRecord] {
        try connection.query(LookupSQL.inbound, account, sinceID, limit) { row in
            InboundFeedRecord(id: row.int64(0), originator: row.text(1), text: row.text(2),
                              receivedAt: Timestamp(millisecondsSince1970: row.int64(3)), forwardState: row.text(4))
        }
    }

    /// Outbox entries by kind (`dlr`, `mo`) and state (`pending`, `done`, `dead`).
    public func outboxCounts() throws -> [String: [String: Int]] {
        var counts: [String: [String: Int]] = [:]
        for (kind, state, count) in try connection.query(LookupSQL.outboxByState, row: { row in (row.text(0), row.text(1), row.int(2)) }) {
            counts[kind, default: [:]][state] = count
        }
        return counts
    }

    /// Modems by state (`ready`, `hung`, …).
    public func modemCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for (state, count) in try connection.query(LookupSQL.modemsByState, row: { row in (row.text(0), row.int(1)) }) { counts[state] = count }
        return counts
    }
}
