import GatewayCore
import HexCoding

/// Messages split upstream, stored as ONE message whose parts arrive in separate submits
/// (`NewMessage.assembly`). The first part to arrive creates the message `accepted` (the pick
/// reads `queued` only) with `units` = the part count; each part is committed as it arrives;
/// the part that completes the set joins the text and makes the message `queued` (or `held`
/// until its schedule). An assembly still incomplete at its deadline is failed by
/// ``failIncompleteAssemblies(now:limit:)``. Each part keeps the id its submit is answered
/// with (``SubmitID``, `<message id>-<part>`), what that submit's registered_delivery asked
/// for and when it was accepted, written in the accept transaction (receipts per submit:
/// GatewayDatabase+SubmitReceipts). Writer: `smsgw-ingressd`.
extension GatewayDatabase {
    enum AssemblySQL {
        static let latest = """
            SELECT id, state, assembly_deadline, units FROM messages
            WHERE account = ? AND assembly_key = ? ORDER BY id DESC LIMIT 1
            """
        static let insertMessage = """
            INSERT INTO messages (account, upstream_message_id, client_reference, source, destination,
                class, priority, text, encoding, units, state, not_before, expires_at,
                registered_delivery, dlr_mask, dlr_url, created_at, updated_at, assembly_key, assembly_deadline)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let part = "SELECT pdu_hex FROM message_parts WHERE message_id = ? AND seq = ?"
        static let insertPart = """
            INSERT INTO message_parts (message_id, seq, pdu_hex, text, submit_id, submit_dlr_mask, accepted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """
        /// A part stored before parts had their own ids (an assembly under way across an
        /// upgrade), sent again: it takes the id it is answered with now.
        static let giveSubmitID = """
            UPDATE message_parts SET submit_id = ?, submit_dlr_mask = ?, accepted_at = ?
            WHERE message_id = ? AND seq = ? AND submit_id IS NULL
            """
        static let wantReport = """
            UPDATE messages SET dlr_mask = dlr_mask | ?, registered_delivery = 1, updated_at = ? WHERE id = ?
            """
        static let partCount = "SELECT count(*) FROM message_parts WHERE message_id = ?"
        static let joined = """
            SELECT group_concat(coalesce(text, ''), '') FROM (SELECT text FROM message_parts WHERE message_id = ? ORDER BY seq)
            """
        static let complete = "SELECT not_before, dlr_mask FROM messages WHERE id = ?"
        static let setText = "UPDATE messages SET text = ?, not_before = ?, updated_at = ? WHERE id = ?"
        static let parts = "SELECT id, seq, pdu_hex FROM message_parts WHERE message_id = ? ORDER BY seq"
        static let setPDU = "UPDATE message_parts SET pdu_hex = ? WHERE id = ?"
        static let due = """
            SELECT id FROM messages WHERE state = 'accepted' AND assembly_key IS NOT NULL AND assembly_deadline <= ?
            ORDER BY assembly_deadline LIMIT ?
            """
        static let failParts = "UPDATE message_parts SET state = 'failed' WHERE message_id = ? AND state = 'pending'"
        static let units = "SELECT units FROM messages WHERE id = ?"
        static let seqs = "SELECT seq FROM message_parts WHERE message_id = ? ORDER BY seq"
    }

    /// Adds one upstream-split part, in the caller's transaction; returns the message id. The
    /// part is stored with its ``SubmitID`` (that message id and `assembly.sequence`), the id
    /// ingress answers the submit with. A part already stored (upstream sent it again after a
    /// lost answer) is not stored twice: the same ids are returned, and other content for it
    /// is ignored with a history line. That holds for a completed message too, until its
    /// assembly deadline.
    func insertAssemblyPart(_ message: NewMessage, _ assembly: MessageAssemblyPart, timeout: Duration, now: Timestamp) throws -> Int64 {
        guard let hex = message.partsHex.first, message.partsHex.count == 1,
              (1...255).contains(assembly.total), (1...assembly.total).contains(assembly.sequence)
        else {
            throw StoreError(.invalidRequest("assembly part \(assembly.sequence) of \(assembly.total) with \(message.partsHex.count) TPDUs"),
                             path: connection.path)
        }
        let latest = try connection.queryFirst(AssemblySQL.latest, message.account, assembly.key) {
            (id: $0.int64(0), state: $0.text(1), deadline: $0.optionalInt64(2) ?? 0)
        }
        if let latest, latest.state != MessageState.accepted.rawValue {
            // Completed: a part it already holds, sent again before the deadline, is that message.
            if latest.deadline > now.millisecondsSince1970,
               let stored = try connection.queryFirst(AssemblySQL.part, latest.id, assembly.sequence, row: { $0.text(0) }) {
                if stored != hex { try noteIgnoredPart(latest.id, assembly, now: now) }
                try giveSubmitID(latest.id, message, assembly, now: now)
                return latest.id
            }
        } else if let latest {
            return try addPart(to: latest.id, message, assembly, hex: hex, now: now)
        }
        let notBefore = max(message.scheduleAt ?? now, now)
        try connection.run(
            AssemblySQL.insertMessage,
            message.account, message.upstreamMessageID, message.clientReference, message.source,
            message.destination, message.messageClass.rawValue, message.priority, message.text,
            message.encoding.rawValue, assembly.total, notBefore.millisecondsSince1970,
            message.expiresAt.millisecondsSince1970, message.registeredDelivery, message.reportMask.rawValue, message.dlrURL,
            now.millisecondsSince1970,
            now.millisecondsSince1970, assembly.key, (now + timeout).millisecondsSince1970)
        let id = connection.lastInsertRowID
        return try addPart(to: id, message, assembly, hex: hex, now: now)
    }

    private func addPart(to id: Int64, _ message: NewMessage, _ assembly: MessageAssemblyPart, hex: String, now: Timestamp) throws -> Int64 {
        if let stored = try connection.queryFirst(AssemblySQL.part, id, assembly.sequence, row: { $0.text(0) }) {
            if stored != hex { try noteIgnoredPart(id, assembly, now: now) }
            try giveSubmitID(id, message, assembly, now: now)
            return id
        }
        try connection.run(AssemblySQL.insertPart, id, assembly.sequence, hex, message.text,
                           message.answerID(storedIn: id), message.reportMask.rawValue, now.millisecondsSince1970)
        // Kannel asks for a report on the first part only: a report wanted by any part counts.
        if message.registeredDelivery {
            try connection.run(AssemblySQL.wantReport, message.reportMask.rawValue, now.millisecondsSince1970, id)
        }
        let count = try connection.queryFirst(AssemblySQL.partCount, id) { $0.int(0) } ?? 0
        try appendHistory(id, HistoryEntry(at: now, state: .accepted, actor: .ingress,
                                           detail: "part \(assembly.sequence) of \(assembly.total)"))
        if count == assembly.total { try completeAssembly(id, now: now) }
        return id
    }

    private func giveSubmitID(_ id: Int64, _ message: NewMessage, _ assembly: MessageAssemblyPart, now: Timestamp) throws {
        try connection.run(AssemblySQL.giveSubmitID, message.answerID(storedIn: id), message.reportMask.rawValue,
                           now.millisecondsSince1970, id, assembly.sequence)
    }

    private func noteIgnoredPart(_ id: Int64, _ assembly: MessageAssemblyPart, now: Timestamp) throws {
        guard let state = try state(of: id) else { return }
        try appendHistory(id, HistoryEntry(at: now, state: state, actor: .ingress,
                                           detail: "part \(assembly.sequence) of \(assembly.total) sent again with other content: ignored"))
    }

    /// Every part is there: the text is joined in part order, TP-SRR is set in every part when
    /// any part asked for a report (3GPP TS 23.040 §9.2.2.2: bit 5 of the first octet), and
    /// the message becomes sendable.
    private func completeAssembly(_ id: Int64, now: Timestamp) throws {
        let text = try connection.queryFirst(AssemblySQL.joined, id) { $0.text(0) } ?? ""
        guard let (notBefore, mask) = try connection.queryFirst(AssemblySQL.complete, id, row: { ($0.int64(0), ReportMask(rawValue: $0.int(1))) })
        else { throw StoreError(.notFound(what: "message", id: id), path: connection.path) }
        let start = max(notBefore, now.millisecondsSince1970)
        try connection.run(AssemblySQL.setText, text, start, now.millisecondsSince1970, id)
        if !mask.isDisjoint(with: .final) {
            let parts = try connection.query(AssemblySQL.parts, id) { ($0.int64(0), $0.text(2)) }
            for (partID, hex) in parts {
                if let patched = Self.withStatusReportRequest(hex), patched != hex { try connection.run(AssemblySQL.setPDU, patched, partID) }
            }
        }
        let count = try connection.queryFirst(AssemblySQL.partCount, id) { $0.int(0) } ?? 0
        if start > now.millisecondsSince1970 {
            try transition(id, to: HistoryEntry(at: now, state: .held, actor: .ingress,
                                                detail: "all \(count) parts arrived; scheduled for \(Timestamp(millisecondsSince1970: start))"))
        } else {
            try transition(id, to: HistoryEntry(at: now, state: .queued, actor: .ingress, detail: "all \(count) parts arrived"))
        }
    }

    /// The TPDU hex with TP-SRR set in its first octet; nil when the hex has no first octet.
    static func withStatusReportRequest(_ hex: String) -> String? {
        let digits = Array(hex.utf8)
        guard digits.count >= 2, let first = HexDigits.decode(String(decoding: digits[0..<2], as: UTF8.self))?.first
        else { return nil }
        let patched = first | 0x20
        return HexDigits.encode([patched], .upper) + String(decoding: digits[2...], as: UTF8.self)
    }

    /// Fails up to `limit` assemblies whose deadline passed with parts missing: pending parts
    /// `failed`, the message `failed` with the missing part numbers in its history, and failed
    /// DLRs in the outbox as ``queueStateReport(_:state:now:)`` decides (one per part that
    /// arrived asking for it; `status_report_id` 0: no status report was involved). Returns
    /// the failed message ids.
    public func failIncompleteAssemblies(now: Timestamp, limit: Int) throws -> [Int64] {
        try connection.transaction {
            let due = try connection.query(AssemblySQL.due, now.millisecondsSince1970, limit) { $0.int64(0) }
            for id in due {
                guard let units = try connection.queryFirst(AssemblySQL.units, id, row: { $0.int(0) }) else { continue }
                let present = Set(try connection.query(AssemblySQL.seqs, id) { $0.int(0) })
                let missing = (1...max(units, 1)).filter { !present.contains($0) }
                try connection.run(AssemblySQL.failParts, id)
                try transition(id, to: HistoryEntry(
                    at: now, state: .failed, actor: .ingress,
                    detail: "assembly timed out: parts \(missing.map(String.init).joined(separator: ", ")) of \(units) missing"))
                try queueStateReport(id, state: .failed, now: now)
            }
            return due
        }
    }
}
