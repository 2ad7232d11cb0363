import GatewayCore

/// What a Kannel dlr-url callback needs of its message (docs/webhooks.md): read when an
/// outbox DLR is delivered, not copied into the outbox payload, so the payload stays the same
/// for every channel.
extension GatewayDatabase {
    enum KannelCallbackSQL {
        static let message = """
            SELECT m.dlr_url, m.account, m.upstream_message_id, m.source, m.destination, m.text, m.encoding,
                   (SELECT s.iccid FROM attempts a JOIN sims s ON s.id = a.sim_id
                    WHERE a.message_id = m.id ORDER BY a.id DESC LIMIT 1)
            FROM messages m WHERE m.id = ? AND m.dlr_url IS NOT NULL
            """
    }

    /// The dlr-url of message `id` and the values its placeholders take, or nil when the
    /// message has none (or does not exist).
    public func kannelCallback(forMessage id: Int64) throws -> KannelCallbackSource? {
        try connection.queryFirst(KannelCallbackSQL.message, id) { row in
            KannelCallbackSource(
                messageID: id, dlrURL: row.text(0), account: row.text(1), upstreamMessageID: row.optionalText(2),
                source: row.text(3), destination: row.text(4), text: row.text(5),
                encoding: MessageEncoding(rawValue: row.text(6)) ?? .gsm7, simICCID: row.optionalText(7))
        }
    }
}
