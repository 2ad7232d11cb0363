/// SIM rotation (docs/simd.md): what simd must not forget across a restart, and the
/// USSD balance. `sim_stints` holds the thresholds drawn for the stint of a SIM on air (so a
/// restarted simd keeps them instead of drawing again); `sim_registration_losses` every loss
/// of registration seen while a SIM was on air (block evidence, 3GPP TS 27.007 §7.2 +CREG);
/// `sim_balances` the latest USSD balance answer per SIM (3GPP TS 27.007 §7.15): its text,
/// the amount found in it (decimal text, NULL when none), when, and the error of the latest
/// failed check. One row per configured SIM (`[[sims]].id`), like `sim_states`.
enum Migration0011SimEvidence {
    static let migration = Migration(version: 11, name: "sim-evidence-and-balance", sql: """
        CREATE TABLE sim_stints (
            sim TEXT PRIMARY KEY CHECK (length(sim) BETWEEN 1 AND 32),
            since INTEGER NOT NULL,
            message_limit INTEGER CHECK (message_limit > 0),
            duration_ms INTEGER CHECK (duration_ms > 0)
        ) STRICT;

        CREATE TABLE sim_registration_losses (
            id INTEGER PRIMARY KEY,
            sim TEXT NOT NULL,
            at INTEGER NOT NULL,
            registration INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX sim_registration_losses_by_sim ON sim_registration_losses(sim, at);

        CREATE TABLE sim_balances (
            sim TEXT PRIMARY KEY CHECK (length(sim) BETWEEN 1 AND 32),
            text TEXT,
            amount TEXT,
            checked_at INTEGER,
            attempted_at INTEGER NOT NULL,
            error TEXT
        ) STRICT;
        """)
}
