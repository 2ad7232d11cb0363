/// Upstream-split messages (SMPP esm_class UDHI with a concatenation IE, or SAR TLVs) are
/// stored as ONE message whose parts arrive one submit at a time. While parts are missing
/// the message is `accepted` (never picked: the pick reads `queued`), `assembly_key` names
/// it for the next part (and, once complete, for a part sent again), `assembly_deadline` is when it fails if still incomplete. Each
/// part keeps its own text (`message_parts.text`) until the message's text is joined.
enum Migration0008Assembly {
    static let migration = Migration(version: 8, name: "message-assembly", sql: """
        ALTER TABLE messages ADD COLUMN assembly_key TEXT;
        ALTER TABLE messages ADD COLUMN assembly_deadline INTEGER;
        ALTER TABLE message_parts ADD COLUMN text TEXT;
        CREATE INDEX messages_by_assembly ON messages(account, assembly_key, id)
            WHERE assembly_key IS NOT NULL;
        CREATE INDEX messages_assembly_due ON messages(assembly_deadline)
            WHERE state = 'accepted' AND assembly_key IS NOT NULL;
        """)
}
