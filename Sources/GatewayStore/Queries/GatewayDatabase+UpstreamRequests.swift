import GatewayCore

/// What an upstream account asks about its own messages after accept (SMPP 3.4 query_sm
/// §4.8, cancel_sm §4.9, replace_sm §4.10). Reads for any daemon; `replaceWaitingMessage` is
/// written by `smsgw-ingressd` in one transaction that checks the state, so SQLite serialises
/// it with the queue's claim (`recordSentAndBegin` also checks `queued` inside its
/// transaction): a message being picked is either replaced before or refused after.
extension GatewayDatabase {
    enum UpstreamSQL {
        static let message = """
            SELECT id, account, source, destination, state, encoding, updated_at, not_before, expires_at,
                (SELECT error_code FROM message_parts
                 WHERE message_id = messages.id AND error_code IS NOT NULL ORDER BY seq DESC LIMIT 1),
                EXISTS (SELECT 1 FROM message_parts WHERE message_id = messages.id AND submit_id IS NOT NULL)
            FROM messages WHERE id = ? AND account = ?
            """
        static let hasSubmit = "SELECT 1 FROM message_parts WHERE message_id = ? AND seq = ? AND submit_id = ?"
        static let waiting = """
            SELECT id FROM messages
            WHERE account = ? AND source = ? AND destination = ? AND state IN ('queued', 'held')
            ORDER BY id
            """
        static let partsNotPending = "SELECT count(*) FROM message_parts WHERE message_id = ? AND state != 'pending'"
        static let deleteParts = "DELETE FROM message_parts WHERE message_id = ?"
        static let replace = """
            UPDATE messages SET text = ?, encoding = ?, units = ?, not_before = ?, expires_at = ?,
                registered_delivery = ?, dlr_mask = ?
            WHERE id = ?
            """
    }

    /// The message `id` of `account`, or nil when there is none or it belongs to another
    /// account (upstream may not learn that another account's id exists).
    public func upstreamMessage(_ id: Int64, account: String) throws -> UpstreamMessageStatus? {
        let row = try connection.queryFirst(UpstreamSQL.message, id, account) { row in
            (row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.int64(6),
             row.int64(7), row.int64(8), row.optionalInt(9), row.bool(10))
        }
        guard let (id, account, source, destination, state, encoding, updated, notBefore, expires, error, split) = row else {
            return nil
        }
        guard let state = MessageState(rawValue: state), let encoding = MessageEncoding(rawValue: encoding) else {
            throw StoreError(.invalidRequest("message \(id) holds unknown state/encoding \(state)/\(encoding)"),
                             path: connection.path)
        }
        return UpstreamMessageStatus(
            id: id, account: account, source: source, destination: destination, state: state, encoding: encoding,
            updatedAt: Timestamp(millisecondsSince1970: updated), notBefore: Timestamp(millisecondsSince1970: notBefore),
            expiresAt: Timestamp(millisecondsSince1970: expires), errorCode: error, splitBySubmitter: split)
    }

    /// The message a part of `account` was submitted into, named by the id that submit was
    /// answered with: the whole message (its parts go out as one), or nil when no part of the
    /// account's has that id (a message the box split has no part ids).
    public func upstreamMessage(submitID: SubmitID, account: String) throws -> UpstreamMessageStatus? {
        guard try connection.queryFirst(UpstreamSQL.hasSubmit, submitID.messageID, submitID.part, submitID.description,
                                        row: { $0.int(0) }) != nil
        else { return nil }
        return try upstreamMessage(submitID.messageID, account: account)
    }

    /// The ids of `account`'s messages from `source` to `destination` still waiting (`queued`
    /// or `held`), oldest first: what cancel_sm without a message_id cancels (§4.9.1).
    public func waitingMessageIDs(account: String, source: String, destination: String) throws -> [Int64] {
        try connection.query(UpstreamSQL.waiting, account, source, destination) { $0.int64(0) }
    }

    /// Replaces the content, parts and times of `account`'s message `id` while it waits:
    /// `queued` or `held` with every part still `pending` (a retried message whose first part
    /// reached the network is not replaced), and not split by the ESME (its parts have ids of
    /// their own, which a replacement planned here would drop). The state becomes `held` when the new schedule is
    /// after `now`, else `queued`; one history line. Returns false when the message is not
    /// replaceable (nothing changed); throws `notFound` when the account has no such message.
    public func replaceWaitingMessage(_ id: Int64, account: String, with replacement: MessageReplacement,
                                      now: Timestamp) throws -> Bool {
        guard (1...255).contains(replacement.partsHex.count) else {
            throw StoreError(.invalidRequest("replacement of message \(id) has \(replacement.partsHex.count) parts; 1...255 allowed"),
                             path: connection.path)
        }
        return try connection.transaction {
            guard let current = try upstreamMessage(id, account: account) else {
                throw StoreError(.notFound(what: "message of account \(account)", id: id), path: connection.path)
            }
            guard current.state == .queued || current.state == .held, !current.splitBySubmitter,
                  try connection.queryFirst(UpstreamSQL.partsNotPending, id, row: { $0.int(0) }) == 0
            else { return false }
            let notBefore = max(replacement.scheduleAt ?? now, now)
            try connection.run(UpstreamSQL.deleteParts, id)
            for (index, hex) in replacement.partsHex.enumerated() {
                try connection.run(AcceptSQL.insertPart, id, index + 1, hex)
            }
            try connection.run(UpstreamSQL.replace, replacement.text, replacement.encoding.rawValue,
                               replacement.partsHex.count, notBefore.millisecondsSince1970,
                               replacement.expiresAt.millisecondsSince1970, !replacement.reportMask.isEmpty,
                               replacement.reportMask.rawValue, id)
            let state: MessageState = notBefore > now ? .held : .queued
            let when = state == .held ? "; scheduled for \(notBefore)" : ""
            try transition(id, to: HistoryEntry(
                at: now, state: state, actor: .ingress,
                detail: "replaced upstream (replace_sm): \(replacement.partsHex.count) part(s)\(when)"))
            return true
        }
    }
}
