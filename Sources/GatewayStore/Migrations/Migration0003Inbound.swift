/// Inbound (MO) messages with their parts, and status reports: written by `smsgw-modemd`;
/// `smsgw-queued` fills in the correlation of a report, `smsgw-ingressd` the forward state.
enum Migration0003Inbound {
    static let migration = Migration(version: 3, name: "inbound-status-reports", sql: """
        CREATE TABLE inbound_messages (
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
            CHECK ((state = 'complete') = (text IS NOT NULL AND completed_at IS NOT NULL))
        ) STRICT;
        CREATE INDEX inbound_reassembly ON inbound_messages(modem_id, sim_id, originator, concat_ref, concat_total)
            WHERE state = 'incomplete';
        CREATE INDEX inbound_to_forward ON inbound_messages(state, forward_state, id);

        CREATE TABLE inbound_parts (
            id INTEGER PRIMARY KEY,
            inbound_id INTEGER NOT NULL REFERENCES inbound_messages(id),
            seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 255),
            pdu_hex TEXT NOT NULL CHECK (length(pdu_hex) % 2 = 0 AND pdu_hex NOT GLOB '*[^0-9A-F]*'),
            text TEXT NOT NULL,
            sc_timestamp INTEGER,
            received_at INTEGER NOT NULL,
            UNIQUE (inbound_id, seq)
        ) STRICT;

        CREATE TABLE status_reports (
            id INTEGER PRIMARY KEY,
            modem_id INTEGER NOT NULL REFERENCES modems(id),
            sim_id INTEGER REFERENCES sims(id),
            tp_mr INTEGER NOT NULL CHECK (tp_mr BETWEEN 0 AND 255),
            recipient TEXT NOT NULL,
            sc_timestamp INTEGER NOT NULL,
            discharge_time INTEGER NOT NULL,
            status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 255),
            received_at INTEGER NOT NULL,
            match_state TEXT NOT NULL DEFAULT 'pending' CHECK (match_state IN ('pending', 'matched', 'unmatched')),
            part_id INTEGER REFERENCES message_parts(id),
            CHECK ((match_state = 'matched') = (part_id IS NOT NULL))
        ) STRICT;
        CREATE INDEX status_reports_to_match ON status_reports(match_state, id);
        CREATE INDEX status_reports_by_part ON status_reports(part_id) WHERE part_id IS NOT NULL;
        """)
}
