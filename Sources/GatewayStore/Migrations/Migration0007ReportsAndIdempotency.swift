/// What upstream asked for, per message (ingress). `dlr_mask` is which outcomes get a
/// delivery report (GatewayCore `ReportMask`: 1 delivered, 2 failed, 4 sent); messages from
/// before this migration that wanted a report wanted the final ones (3). `dlr_url` is a Kannel-style
/// per-message callback. `idempotency_key` (an HTTP client's id) is unique per account, and
/// `request_digest` tells a retried request (same digest) from a reuse with other content.
enum Migration0007ReportsAndIdempotency {
    static let migration = Migration(version: 7, name: "report-mask-dlr-url-idempotency", sql: """
        ALTER TABLE messages ADD COLUMN dlr_mask INTEGER NOT NULL DEFAULT 0 CHECK (dlr_mask BETWEEN 0 AND 7);
        UPDATE messages SET dlr_mask = 3 WHERE registered_delivery = 1;
        ALTER TABLE messages ADD COLUMN dlr_url TEXT CHECK (dlr_url IS NULL OR length(dlr_url) BETWEEN 1 AND 2048);
        ALTER TABLE messages ADD COLUMN idempotency_key TEXT
            CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 128);
        ALTER TABLE messages ADD COLUMN request_digest TEXT;
        CREATE UNIQUE INDEX messages_idempotency ON messages(account, idempotency_key)
            WHERE idempotency_key IS NOT NULL;
        """)
}
