import GatewayCore

/// Ingress: making new messages durable (docs/architecture.md, MT step 1). Writer: `smsgw-ingressd`.
extension GatewayDatabase {
    enum AcceptSQL {
        static let insertMessage = """
            INSERT INTO messages (account, upstream_message_id, client_reference, source, destination,
                class, priority, text, encoding, units, state, not_before, expires_at,
                registered_delivery, dlr_mask, dlr_url, idempotency_key, request_digest, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let findByIdempotencyKey = """
            SELECT id, request_digest FROM messages WHERE account = ? AND idempotency_key = ?
            """
        static let insertPart = "INSERT INTO message_parts (message_id, seq, pdu_hex) VALUES (?, ?, ?)"
    }

    /// Inserts every message of `batch` with its parts and first history entries in ONE
    /// transaction (group commit): when this returns, all of them are durable (WAL, FULL), and
    /// ingress may answer upstream. A message scheduled after `now` is `held`, others `queued`.
    /// Any invalid message fails the whole batch; returns the new ids in batch order.
    /// A part of a message split upstream (`assembly` set) joins the message being assembled
    /// (GatewayDatabase+Assembly); `assemblyTimeout` is how long a new assembly waits for its
    /// other parts.
    /// A message carrying an idempotency key already used by the account counts as accepted
    /// (the existing id is returned, nothing is stored twice); use ``acceptOutcomes(_:now:)`` to
    /// tell duplicates and conflicts apart.
    public func accept(_ batch: [NewMessage], now: Timestamp, assemblyTimeout: Duration = .seconds(600)) throws -> [Int64] {
        try acceptOutcomes(batch, now: now, assemblyTimeout: assemblyTimeout).map(\.messageID)
    }

    /// Like ``accept(_:now:)``, but says for each message whether it was stored now, was a
    /// retry of an earlier request with the same idempotency key and content (`duplicate`), or
    /// reused the key with other content (`conflict`, nothing stored). A duplicate or conflict
    /// never fails the rest of the batch.
    public func acceptOutcomes(_ batch: [NewMessage], now: Timestamp, assemblyTimeout: Duration = .seconds(600)) throws -> [AcceptOutcome] {
        for message in batch where message.partsHex.isEmpty || message.partsHex.count > 255 {
            throw StoreError(.invalidRequest("message to \(message.destination) has \(message.partsHex.count) parts; 1...255 allowed"),
                             path: connection.path)
        }
        return try connection.transaction {
            try batch.map { message in
                if let key = message.idempotencyKey,
                   let (existing, digest) = try connection.queryFirst(
                    AcceptSQL.findByIdempotencyKey, message.account, key, row: { ($0.int64(0), $0.optionalText(1)) }) {
                    return digest == message.requestDigest ? .duplicate(existing) : .conflict(existing: existing)
                }
                if let assembly = message.assembly {
                    return .accepted(try insertAssemblyPart(message, assembly, timeout: assemblyTimeout, now: now))
                }
                return .accepted(try insert(message, now: now))
            }
        }
    }

    private func insert(_ message: NewMessage, now: Timestamp) throws -> Int64 {
        let notBefore = max(message.scheduleAt ?? now, now)
        let state: MessageState = notBefore > now ? .held : .queued
        try connection.run(
            AcceptSQL.insertMessage,
            message.account, message.upstreamMessageID, message.clientReference, message.source,
            message.destination, message.messageClass.rawValue, message.priority, message.text,
            message.encoding.rawValue, message.partsHex.count, state.rawValue,
            notBefore.millisecondsSince1970, message.expiresAt.millisecondsSince1970,
            message.registeredDelivery, message.reportMask.rawValue, message.dlrURL, message.idempotencyKey,
            message.requestDigest, now.millisecondsSince1970, now.millisecondsSince1970)
        let id = connection.lastInsertRowID
        for (index, hex) in message.partsHex.enumerated() {
            try connection.run(AcceptSQL.insertPart, id, index + 1, hex)
        }
        try appendHistory(id, HistoryEntry(at: now, state: .accepted, actor: .ingress))
        let why = state == .held ? "scheduled for \(notBefore)" : ""
        try appendHistory(id, HistoryEntry(at: now, state: state, actor: .ingress, detail: why))
        return id
    }
}

/// What became of one message handed to ``GatewayDatabase/acceptOutcomes(_:now:)``.
public enum AcceptOutcome: Sendable, Hashable {
    /// Stored now with this id.
    case accepted(Int64)
    /// The same request was accepted before (same idempotency key and digest) as this id.
    case duplicate(Int64)
    /// The idempotency key names another message (`existing`) with other content; nothing stored.
    case conflict(existing: Int64)

    /// The id upstream is given: the new message, or the one accepted earlier.
    public var messageID: Int64 {
        switch self {
        case .accepted(let id), .duplicate(let id), .conflict(existing: let id): id
        }
    }
}
