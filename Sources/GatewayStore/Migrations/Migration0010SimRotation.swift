/// SIM rotation (`smsgw-simd`, docs/simd.md). One row per configured SIM (`[[sims]].id`), since a
/// SIM in a slot that was never on air has no ICCID yet (`sims.iccid` is NOT NULL): its
/// state, why and since when, the evidence of a quarantine (JSON text), its last rotation,
/// when its current stint on air began, and limits set by hand (NULL: the configuration's). `sim_events` is
/// the append-only history of every state change; `simd_pauses` the modems simd paused in
/// queued, so a restarted simd resumes them. Two indexes serve simd's per-SIM reads.
enum Migration0010SimRotation {
    static let migration = Migration(version: 10, name: "sim-rotation", sql: """
        CREATE TABLE sim_states (
            sim TEXT PRIMARY KEY CHECK (length(sim) BETWEEN 1 AND 32),
            sim_id INTEGER REFERENCES sims(id),
            state TEXT NOT NULL CHECK (state IN
                ('active', 'standby', 'cooling', 'quarantined', 'locked', 'missing')),
            since INTEGER NOT NULL,
            reason TEXT NOT NULL,
            evidence TEXT CHECK (evidence IS NULL OR json_valid(evidence)),
            cooling_until INTEGER,
            last_rotation_at INTEGER,
            on_air_since INTEGER,
            per_hour INTEGER CHECK (per_hour > 0),
            per_day INTEGER CHECK (per_day > 0),
            per_month INTEGER CHECK (per_month > 0),
            updated_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE sim_events (
            id INTEGER PRIMARY KEY,
            sim TEXT NOT NULL,
            at INTEGER NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL,
            evidence TEXT CHECK (evidence IS NULL OR json_valid(evidence))
        ) STRICT;
        CREATE INDEX sim_events_by_sim ON sim_events(sim, id);
        CREATE TRIGGER sim_events_append_only BEFORE UPDATE ON sim_events
            BEGIN SELECT RAISE(ABORT, 'sim_events is append-only'); END;

        CREATE TABLE simd_pauses (
            modem TEXT PRIMARY KEY,
            since INTEGER NOT NULL,
            reason TEXT NOT NULL
        ) STRICT;

        CREATE INDEX attempts_by_sim ON attempts(sim_id, started_at);
        CREATE INDEX status_reports_by_sim ON status_reports(sim_id, id) WHERE sim_id IS NOT NULL;
        """)
}
