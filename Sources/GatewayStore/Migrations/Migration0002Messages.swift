/// Mobile-terminated messages, their parts, attempts and history. `smsgw-ingressd` inserts
/// messages, parts and the first history entries; `smsgw-queued` changes state from then on.
enum Migration0002Messages {
    static let migration = Migration(version: 2, name: "messages-parts-attempts-history", sql: """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            account TEXT NOT NULL CHECK (length(account) BETWEEN 1 AND 64),
            upstream_message_id TEXT,
            client_reference TEXT,
            source TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 21),
            destination TEXT NOT NULL CHECK (length(destination) BETWEEN 1 AND 21),
            class TEXT NOT NULL CHECK (class IN ('otp', 'transactional', 'marketing')),
            class_rank INTEGER GENERATED ALWAYS AS
                (CASE class WHEN 'otp' THEN 0 WHEN 'transactional' THEN 1 ELSE 2 END) VIRTUAL,
            priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
            text TEXT NOT NULL,
            encoding TEXT NOT NULL CHECK (encoding IN ('gsm7', 'binary', 'ucs2')),
            units INTEGER NOT NULL CHECK (units BETWEEN 1 AND 255),
            state TEXT NOT NULL CHECK (state IN ('accepted', 'queued', 'held', 'sending', 'sent',
                'delivered', 'failed', 'expired', 'unknown', 'cancelled')),
            not_before INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            registered_delivery INTEGER NOT NULL DEFAULT 0 CHECK (registered_delivery IN (0, 1)),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK (expires_at > created_at),
            CHECK (updated_at >= created_at)
        ) STRICT;
        CREATE INDEX messages_pick ON messages(state, class_rank, priority DESC, created_at, id);
        CREATE INDEX messages_held_due ON messages(not_before) WHERE state = 'held';
        CREATE INDEX messages_expiry ON messages(expires_at) WHERE state IN ('queued', 'held');
        CREATE UNIQUE INDEX messages_upstream ON messages(account, upstream_message_id)
            WHERE upstream_message_id IS NOT NULL;

        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL REFERENCES messages(id),
            modem_id INTEGER NOT NULL REFERENCES modems(id),
            sim_id INTEGER NOT NULL REFERENCES sims(id),
            started_at INTEGER NOT NULL,
            finished_at INTEGER,
            outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN
                ('pending', 'sent', 'failed', 'unknown')),
            error_code INTEGER,
            error_detail TEXT,
            CHECK ((outcome = 'pending') = (finished_at IS NULL))
        ) STRICT;
        CREATE INDEX attempts_by_message ON attempts(message_id, id);
        CREATE INDEX attempts_in_flight ON attempts(outcome) WHERE outcome = 'pending';

        CREATE TABLE message_parts (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL REFERENCES messages(id),
            seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 255),
            pdu_hex TEXT NOT NULL CHECK (length(pdu_hex) BETWEEN 2 AND 400
                AND length(pdu_hex) % 2 = 0 AND pdu_hex NOT GLOB '*[^0-9A-F]*'),
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN
                ('pending', 'sending', 'sent', 'delivered', 'failed', 'unknown')),
            attempt_id INTEGER REFERENCES attempts(id),
            modem_id INTEGER REFERENCES modems(id),
            sim_id INTEGER REFERENCES sims(id),
            tp_mr INTEGER CHECK (tp_mr BETWEEN 0 AND 255),
            submitted_at INTEGER,
            sent_at INTEGER,
            delivered_at INTEGER,
            error_code INTEGER,
            UNIQUE (message_id, seq)
        ) STRICT;
        CREATE INDEX message_parts_by_attempt ON message_parts(attempt_id) WHERE attempt_id IS NOT NULL;
        CREATE INDEX message_parts_for_report ON message_parts(modem_id, sim_id, tp_mr, submitted_at)
            WHERE modem_id IS NOT NULL;

        CREATE TABLE message_events (
            id INTEGER PRIMARY KEY,
            message_id INTEGER NOT NULL REFERENCES messages(id),
            at INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('accepted', 'queued', 'held', 'sending', 'sent',
                'delivered', 'failed', 'expired', 'unknown', 'cancelled')),
            actor TEXT NOT NULL CHECK (actor IN ('ingress', 'queue', 'modem', 'operator')),
            detail TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX message_events_by_message ON message_events(message_id, id);
        CREATE TRIGGER message_events_are_append_only BEFORE UPDATE ON message_events
        BEGIN
            SELECT RAISE(ABORT, 'message_events is append-only');
        END;
        """)
}
