import GatewayCore

/// Inbound (MO) messages: modemd stores each part and the store reassembles concatenated ones
/// (3GPP TS 23.040 §9.2.3.24.1); ingress forwards the complete ones upstream.
extension GatewayDatabase {
    enum InboundSQL {
        static let findIncomplete = """
            SELECT id FROM inbound_messages
            WHERE modem_id = ? AND sim_id IS ? AND originator = ? AND concat_ref IS ? AND concat_total = ?
              AND state = 'incomplete'
            ORDER BY id LIMIT 1
            """
        static let insertMessage = """
            INSERT INTO inbound_messages (modem_id, sim_id, originator, concat_ref, concat_total, first_received_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """
        static let insertPart = """
            INSERT INTO inbound_parts (inbound_id, seq, pdu_hex, text, sc_timestamp, received_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (inbound_id, seq) DO NOTHING
            """
        static let countPart = """
            UPDATE inbound_messages SET parts_received = parts_received + 1 WHERE id = ?
            RETURNING parts_received, concat_total
            """
        static let texts = "SELECT text FROM inbound_parts WHERE inbound_id = ? ORDER BY seq"
        static let complete = "UPDATE inbound_messages SET state = 'complete', text = ?, completed_at = ? WHERE id = ?"
        /// A finished (complete or abandoned) message holding part `seq` of the same reference,
        /// first received within the window: a part delivered again (index `inbound_recent`).
        static let findFinishedWithPart = """
            SELECT m.id FROM inbound_messages m
            WHERE m.modem_id = ? AND m.sim_id IS ? AND m.originator = ? AND m.concat_ref = ? AND m.concat_total = ?
              AND m.state IN ('complete', 'abandoned') AND m.first_received_at >= ?
              AND EXISTS (SELECT 1 FROM inbound_parts p WHERE p.inbound_id = m.id AND p.seq = ?)
            ORDER BY m.first_received_at DESC LIMIT 1
            """
        static let readyToForward = """
            SELECT id, modem_id, sim_id, originator, text, completed_at, state FROM inbound_messages
            WHERE state IN ('complete', 'abandoned') AND forward_state = 'pending' ORDER BY id LIMIT ?
            """
        static let enqueued = "UPDATE inbound_messages SET forward_state = 'enqueued' WHERE id = ? AND forward_state = 'pending'"
    }

    /// Stores one received part (modemd), in one transaction. A repeated part (same message,
    /// same sequence) is ignored. When the last part arrives the message becomes complete.
    /// A part of a concatenated message that is already complete or abandoned, first received
    /// within `repeatWindow` (the reassembly window), is a part delivered again: it is dropped
    /// (`isRepeatOfFinished`), not the start of a new message.
    public func storeInboundPart(_ part: NewInboundPart, repeatWindow: Duration = .seconds(3600)) throws -> InboundPartResult {
        let total = part.concatenation?.total ?? 1, sequence = part.concatenation?.sequence ?? 1
        guard (1...255).contains(total), (1...total).contains(sequence) else {
            throw StoreError(.invalidRequest("inbound part \(sequence) of \(total) from \(part.originator)"),
                             path: connection.path)
        }
        return try connection.transaction {
            let reference = part.concatenation?.reference
            let existing = try connection.queryFirst(
                InboundSQL.findIncomplete, part.modemID, part.simID, part.originator, reference, total,
                row: { $0.int64(0) })
            let inboundID: Int64
            if let existing {
                inboundID = existing
            } else if let reference, let finished = try connection.queryFirst(
                InboundSQL.findFinishedWithPart, part.modemID, part.simID, part.originator, reference, total,
                (part.receivedAt - repeatWindow).millisecondsSince1970, sequence, row: { $0.int64(0) }) {
                return InboundPartResult(inboundID: finished, isNewPart: false, completedText: nil, isRepeatOfFinished: true)
            } else {
                try connection.run(InboundSQL.insertMessage, part.modemID, part.simID, part.originator, reference,
                                   total, part.receivedAt.millisecondsSince1970)
                inboundID = connection.lastInsertRowID
            }
            let inserted = try connection.run(
                InboundSQL.insertPart, inboundID, sequence, part.pduHex, part.text,
                part.serviceCentreTime?.millisecondsSince1970, part.receivedAt.millisecondsSince1970)
            guard inserted == 1 else { return InboundPartResult(inboundID: inboundID, isNewPart: false, completedText: nil) }
            let (received, expected) = try connection.queryFirst(
                InboundSQL.countPart, inboundID, row: { ($0.int(0), $0.int(1)) }) ?? (0, total)
            guard received == expected else {
                return InboundPartResult(inboundID: inboundID, isNewPart: true, completedText: nil)
            }
            let text = try connection.query(InboundSQL.texts, inboundID) { $0.text(0) }.joined()
            try connection.run(InboundSQL.complete, text, part.receivedAt.millisecondsSince1970, inboundID)
            return InboundPartResult(inboundID: inboundID, isNewPart: true, completedText: text)
        }
    }

    /// Complete and abandoned inbound messages not yet put in the outbox, oldest first
    /// (ingress); an abandoned one has `isComplete` false and a marker for each missing part.
    public func inboundReadyToForward(limit: Int) throws -> [CompleteInbound] {
        try connection.query(InboundSQL.readyToForward, limit) { row in
            CompleteInbound(id: row.int64(0), modemID: row.int64(1), simID: row.optionalInt64(2),
                            originator: row.text(3), text: row.text(4),
                            completedAt: Timestamp(millisecondsSince1970: row.int64(5)),
                            isComplete: row.text(6) == "complete")
        }
    }

    /// Puts a complete (or abandoned) inbound message into the outbox for `account` and marks it enqueued, in
    /// one transaction, so it is forwarded exactly once from the store's point of view.
    public func forwardInbound(_ inboundID: Int64, account: String, payload: [UInt8], now: Timestamp) throws -> Int64 {
        try connection.transaction {
            try expectOne(connection.run(InboundSQL.enqueued, inboundID), "inbound message to forward", inboundID)
            return try enqueueOutbox(kind: .mo, account: account, inboundID: inboundID, payload: payload, now: now)
        }
    }
}
