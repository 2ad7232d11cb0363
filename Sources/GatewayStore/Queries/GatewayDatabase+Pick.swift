import GatewayCore

/// The queue's pick (docs/architecture.md, MT step 3). Reader: `smsgw-queued`.
extension GatewayDatabase {
    enum PickSQL {
        /// Walks `messages_pick` in order for state = 'queued' (SEARCH, no sort): class rank, then
        /// priority (high first), then age. Schedule and expiry are checked on the rows reached;
        /// the held/expiry sweeps keep future and expired rows out of 'queued', so the walk stays
        /// short.
        static let pick = """
            SELECT id, account, source, destination, class, priority, registered_delivery,
                   created_at, expires_at
            FROM messages
            WHERE state = 'queued' AND not_before <= ? AND expires_at > ?
            ORDER BY class_rank, priority DESC, created_at, id
            LIMIT ?
            """
        static let unsentParts = """
            SELECT id, seq, pdu_hex FROM message_parts
            WHERE message_id = ? AND state = 'pending' ORDER BY seq
            """
    }

    /// Up to `limit` sendable messages at `now`, best first, with the parts left to send.
    /// Reading does not claim them: the queue (the only writer of message state) claims a
    /// message by starting an attempt on it.
    public func pickSendable(now: Timestamp, limit: Int) throws -> [SendableMessage] {
        let time = now.millisecondsSince1970
        var picked = try connection.query(PickSQL.pick, time, time, limit) { row in
            SendableMessage(
                id: row.int64(0), account: row.text(1), source: row.text(2), destination: row.text(3),
                // The CHECK on messages.class admits only MessageClass raw values.
                messageClass: MessageClass(rawValue: row.text(4)) ?? .marketing, priority: row.int(5),
                registeredDelivery: row.bool(6),
                createdAt: Timestamp(millisecondsSince1970: row.int64(7)),
                expiresAt: Timestamp(millisecondsSince1970: row.int64(8)), parts: [])
        }
        for index in picked.indices {
            picked[index].parts = try connection.query(PickSQL.unsentParts, picked[index].id) { row in
                SendableMessage.PendingPart(id: row.int64(0), seq: row.int(1), pduHex: row.text(2))
            }
        }
        return picked
    }
}
