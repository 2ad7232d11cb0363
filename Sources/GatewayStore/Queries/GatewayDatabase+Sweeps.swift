import GatewayCore

/// The queue's sweeps: release held messages whose schedule came, expire those whose validity
/// ran out. They keep `queued` free of rows the pick would have to step over. Writer: queued.
extension GatewayDatabase {
    enum SweepSQL {
        static let dueHeld = "SELECT id FROM messages WHERE state = 'held' AND not_before <= ? ORDER BY not_before LIMIT ?"
        static let expired = """
            SELECT id FROM messages WHERE state IN ('queued', 'held') AND expires_at <= ? ORDER BY expires_at LIMIT ?
            """
        static let failPending = "UPDATE message_parts SET state = 'failed' WHERE message_id = ? AND state = 'pending'"
    }

    /// Moves up to `limit` held messages whose schedule time has come to `queued`; returns them.
    public func releaseDueHeld(now: Timestamp, limit: Int) throws -> [Int64] {
        try connection.transaction {
            let due = try connection.query(SweepSQL.dueHeld, now.millisecondsSince1970, limit) { $0.int64(0) }
            for id in due {
                try transition(id, to: HistoryEntry(at: now, state: .queued, actor: .queue, detail: "schedule reached"))
            }
            return due
        }
    }

    /// Marks up to `limit` waiting messages whose validity ended `expired`; returns them.
    public func expireDue(now: Timestamp, limit: Int) throws -> [Int64] {
        try connection.transaction {
            let due = try connection.query(SweepSQL.expired, now.millisecondsSince1970, limit) { $0.int64(0) }
            for id in due {
                try connection.run(SweepSQL.failPending, id)
                try transition(id, to: HistoryEntry(at: now, state: .expired, actor: .queue, detail: "validity ended"))
                try queueStateReport(id, state: .expired, now: now)
            }
            return due
        }
    }
}
