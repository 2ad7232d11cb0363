/// Modems, SIMs and per-SIM counters: written by `smsgw-modemd` (modems, sims) and
/// `smsgw-queued` (sim_counters). Created first because messages and reports refer to them.
enum Migration0001Modems {
    static let migration = Migration(version: 1, name: "modems-sims-counters", sql: """
        CREATE TABLE modems (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
            device TEXT NOT NULL,
            vendor TEXT,
            model TEXT,
            imei TEXT,
            state TEXT NOT NULL DEFAULT 'unknown' CHECK (state IN
                ('unknown', 'initializing', 'ready', 'hung', 'resetting', 'offline', 'disabled')),
            signal_quality INTEGER CHECK (signal_quality BETWEEN 0 AND 99),
            registered INTEGER NOT NULL DEFAULT 0 CHECK (registered IN (0, 1)),
            last_seen_at INTEGER,
            updated_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE sims (
            id INTEGER PRIMARY KEY,
            iccid TEXT NOT NULL UNIQUE CHECK (length(iccid) BETWEEN 10 AND 22),
            imsi TEXT,
            operator TEXT,
            msisdn TEXT,
            modem_id INTEGER REFERENCES modems(id),
            slot INTEGER CHECK (slot >= 0),
            state TEXT NOT NULL DEFAULT 'idle' CHECK (state IN
                ('idle', 'active', 'cooldown', 'blocked', 'locked', 'absent')),
            cooldown_until INTEGER,
            updated_at INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX sims_by_modem ON sims(modem_id, slot);

        CREATE TABLE sim_counters (
            sim_id INTEGER NOT NULL REFERENCES sims(id),
            period TEXT NOT NULL CHECK (period IN ('hour', 'day', 'month')),
            period_start INTEGER NOT NULL,
            sent INTEGER NOT NULL DEFAULT 0 CHECK (sent >= 0),
            delivered INTEGER NOT NULL DEFAULT 0 CHECK (delivered >= 0),
            failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
            PRIMARY KEY (sim_id, period, period_start)
        ) STRICT, WITHOUT ROWID;
        """)
}
