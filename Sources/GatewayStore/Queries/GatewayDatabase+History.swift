import GatewayCore

/// The append-only history of a message (`message_events`); every state change adds a line.
extension GatewayDatabase {
    enum HistorySQL {
        static let append = "INSERT INTO message_events (message_id, at, state, actor, detail) VALUES (?, ?, ?, ?, ?)"
        static let byMessage = "SELECT at, state, actor, detail FROM message_events WHERE message_id = ? ORDER BY id"
        static let setState = "UPDATE messages SET state = ?, updated_at = ? WHERE id = ?"
    }

    /// Appends one line to the history of `messageID` (no state change on the message itself).
    public func appendHistory(_ messageID: Int64, _ entry: HistoryEntry) throws {
        try connection.run(HistorySQL.append, messageID, entry.at.millisecondsSince1970,
                           entry.state.rawValue, entry.actor.rawValue, entry.detail)
    }

    /// The history of `messageID`, oldest first. Unknown stored values are reported, not skipped.
    public func history(of messageID: Int64) throws -> [HistoryEntry] {
        let rows = try connection.query(HistorySQL.byMessage, messageID) { row in
            (row.int64(0), row.text(1), row.text(2), row.text(3))
        }
        return try rows.map { at, state, actor, detail in
            guard let state = MessageState(rawValue: state), let actor = HistoryActor(rawValue: actor) else {
                throw StoreError(.invalidRequest("history of message \(messageID) holds unknown state/actor \(state)/\(actor)"),
                                 path: connection.path)
            }
            return HistoryEntry(at: Timestamp(millisecondsSince1970: at), state: state, actor: actor, detail: detail)
        }
    }

    /// Sets the state of a message and appends the change to its history, in the caller's
    /// transaction. Throws `notFound` when no such message exists.
    func transition(_ messageID: Int64, to entry: HistoryEntry) throws {
        let changed = try connection.run(HistorySQL.setState, entry.state.rawValue,
                                         entry.at.millisecondsSince1970, messageID)
        guard changed == 1 else { throw StoreError(.notFound(what: "message", id: messageID), path: connection.path) }
        try appendHistory(messageID, entry)
    }

    /// The current state of a message, or nil when there is none with that id.
    public func state(of messageID: Int64) throws -> MessageState? {
        try connection.queryFirst("SELECT state FROM messages WHERE id = ?", messageID) {
            MessageState(rawValue: $0.text(0))
        } ?? nil
    }
}
