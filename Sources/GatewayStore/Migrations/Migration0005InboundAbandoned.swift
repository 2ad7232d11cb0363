/// An abandoned inbound message keeps the text of the parts that arrived (a marker for each
/// missing one) and is forwarded upstream like a complete one: upstream learns what arrived,
/// marked incomplete. Migration 3's CHECK allowed text only on `complete` rows, and SQLite
/// cannot change a CHECK in place, so the table is rebuilt (https://sqlite.org/lang_altertable.html
/// §7, run with foreign keys off). Rows abandoned before this migration had no text: they become
/// `incomplete` again, so modemd's next reassembly sweep abandons them properly, with their text.
/// Indexes: reassembly as before; forwarding over complete and abandoned rows in id order; and
/// the recent complete/abandoned messages by reference, to recognise a part delivered again.
enum Migration0005InboundAbandoned {
    static let migration = Migration(version: 5, name: "inbound-abandoned-with-text", foreignKeysOff: true, sql: """
        CREATE TABLE inbound_messages_v5 (
            id INTEGER PRIMARY KEY,
            modem_id INTEGER NOT NULL REFERENCES modems(id),
            sim_id INTEGER REFERENCES sims(id),
            originator TEXT NOT NULL CHECK (length(originator) BETWEEN 1 AND 21),
            concat_ref INTEGER CHECK (concat_ref BETWEEN 0 AND 65535),
            concat_total INTEGER NOT NULL DEFAULT 1 CHECK (concat_total BETWEEN 1 AND 255),
            parts_received INTEGER NOT NULL DEFAULT 0 CHECK (parts_received BETWEEN 0 AND concat_total),
            state TEXT NOT NULL DEFAULT 'incomplete' CHECK (state IN ('incomplete', 'complete', 'abandoned')),
            text TEXT,
            first_received_at INTEGER NOT NULL,
            completed_at INTEGER,
            forward_state TEXT NOT NULL DEFAULT 'pending' CHECK (forward_state IN ('pending', 'enqueued')),
            CHECK ((state = 'incomplete') = (text IS NULL AND completed_at IS NULL)),
            CHECK (state != 'complete' OR parts_received = concat_total),
            CHECK (state != 'abandoned' OR parts_received < concat_total)
        ) STRICT;
        INSERT INTO inbound_messages_v5 (id, modem_id, sim_id, originator, concat_ref, concat_total, parts_received,
                                         state, text, first_received_at, completed_at, forward_state)
            SELECT id, modem_id, sim_id, originator, concat_ref, concat_total, parts_received,
                   CASE state WHEN 'abandoned' THEN 'incomplete' ELSE state END,
                   text, first_received_at, completed_at, forward_state
            FROM inbound_messages;
        DROP TABLE inbound_messages;
        ALTER TABLE inbound_messages_v5 RENAME TO inbound_messages;
        CREATE INDEX inbound_reassembly ON inbound_messages(modem_id, sim_id, originator, concat_ref, concat_total)
            WHERE state = 'incomplete';
        CREATE INDEX inbound_to_forward ON inbound_messages(forward_state, id)
            WHERE state IN ('complete', 'abandoned');
        CREATE INDEX inbound_recent ON inbound_messages(modem_id, sim_id, originator, concat_ref, concat_total,
                                                        first_received_at)
            WHERE state IN ('complete', 'abandoned');
        """)
}
