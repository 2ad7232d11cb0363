import GatewayCore

/// What `smsgwctl queue` and the queue's `status` request show (docs/queued.md, "Control socket"):
/// depth by state and class, and how long the oldest sendable message has waited.
extension GatewayDatabase {
    enum QueueStatusSQL {
        /// Walks the `messages_pick` index (covering: state, class_rank) rather than the table.
        static let depth = "SELECT state, class_rank, count(*) FROM messages GROUP BY state, class_rank"
        /// The first row of the pick order by age within each class: SEARCH on `messages_pick`.
        static let oldestQueued = """
            SELECT min(created_at) FROM (
                SELECT * FROM (SELECT created_at FROM messages WHERE state = 'queued' AND class_rank = 0
                               ORDER BY priority DESC, created_at LIMIT 64)
                UNION ALL
                SELECT * FROM (SELECT created_at FROM messages WHERE state = 'queued' AND class_rank = 1
                               ORDER BY priority DESC, created_at LIMIT 64)
                UNION ALL
                SELECT * FROM (SELECT created_at FROM messages WHERE state = 'queued' AND class_rank = 2
                               ORDER BY priority DESC, created_at LIMIT 64))
            """
    }

    /// Message counts by state, then class.
    public func queueDepth() throws -> [MessageState: [MessageClass: Int]] {
        let classes: [MessageClass] = [.otp, .transactional, .marketing]
        var depth: [MessageState: [MessageClass: Int]] = [:]
        try connection.query(QueueStatusSQL.depth) { row in (row.text(0), row.int(1), row.int(2)) }
            .forEach { state, rank, count in
                guard let state = MessageState(rawValue: state), classes.indices.contains(rank) else { return }
                depth[state, default: [:]][classes[rank], default: 0] += count
            }
        return depth
    }

    /// Creation time of the oldest `queued` message, approximately: the oldest among the first
    /// 64 of each class in pick order (exact unless priorities reorder a class's head), so the
    /// answer stays an index walk with a million messages waiting.
    public func oldestQueuedCreation() throws -> Timestamp? {
        try connection.queryFirst(QueueStatusSQL.oldestQueued) { row in
            row.optionalInt64(0).map { Timestamp(millisecondsSince1970: $0) }
        } ?? nil
    }
}
