import GatewayCore

/// Reassembly timeout: a message still missing parts when it runs out keeps what arrived and
/// is forwarded marked incomplete (3GPP TS 23.040 §9.2.3.24.1 gives no timeout, so the box sets one).
extension GatewayDatabase {
    /// Stands in the text for each part that never arrived.
    public static let missingPartMarker = "[…]"

    enum InboundAbandonSQL {
        static let overdue = """
            SELECT id, concat_total FROM inbound_messages
            WHERE state = 'incomplete' AND first_received_at < ? ORDER BY id
            """
        static let parts = "SELECT seq, text FROM inbound_parts WHERE inbound_id = ? ORDER BY seq"
        static let abandon = """
            UPDATE inbound_messages SET state = 'abandoned', text = ?, completed_at = ?
            WHERE id = ? AND state = 'incomplete'
            """
    }

    /// Abandons every inbound message still missing parts whose first part came before
    /// `receivedBefore`, in one transaction: its text is the parts that arrived, in order, with
    /// `missingPartMarker` for each missing one; it is then forwarded like a complete message
    /// (`inboundReadyToForward`, `isComplete` false). Returns the ids abandoned.
    public func abandonIncompleteInbound(receivedBefore cutoff: Timestamp, now: Timestamp) throws -> [Int64] {
        try connection.transaction {
            let overdue = try connection.query(InboundAbandonSQL.overdue, cutoff.millisecondsSince1970) {
                (id: $0.int64(0), total: $0.int(1))
            }
            for message in overdue {
                var texts: [Int: String] = [:]
                let parts = try connection.query(InboundAbandonSQL.parts, message.id) { (sequence: $0.int(0), text: $0.text(1)) }
                for part in parts { texts[part.sequence] = part.text }
                let text = Self.assembleAbandoned(texts, total: message.total)
                try expectOne(connection.run(InboundAbandonSQL.abandon, text, now.millisecondsSince1970, message.id),
                              "incomplete inbound message", message.id)
            }
            return overdue.map(\.id)
        }
    }

    /// Parts 1…`total` in order, `missingPartMarker` for each absent one.
    static func assembleAbandoned(_ texts: [Int: String], total: Int) -> String {
        (1...max(total, 1)).map { texts[$0] ?? missingPartMarker }.joined()
    }
}
