/// The durable outbox of what goes back upstream (DLRs and MO messages): written by
/// `smsgw-ingressd`, which also claims and completes its entries.
enum Migration0004Outbox {
    static let migration = Migration(version: 4, name: "upstream-outbox", sql: """
        CREATE TABLE upstream_outbox (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('dlr', 'mo')),
            account TEXT NOT NULL CHECK (length(account) BETWEEN 1 AND 64),
            message_id INTEGER REFERENCES messages(id),
            inbound_id INTEGER REFERENCES inbound_messages(id),
            payload BLOB NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at INTEGER NOT NULL,
            last_error TEXT,
            created_at INTEGER NOT NULL,
            completed_at INTEGER,
            CHECK ((kind = 'dlr') = (message_id IS NOT NULL)),
            CHECK ((kind = 'mo') = (inbound_id IS NOT NULL)),
            CHECK ((state = 'pending') = (completed_at IS NULL))
        ) STRICT;
        CREATE INDEX upstream_outbox_due ON upstream_outbox(state, next_attempt_at, id);
        """)
}
