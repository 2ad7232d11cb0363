/// smsgw-watchdogd's health snapshot (docs/watchdogd.md). `watchdog_health` holds the latest word on each
/// subject — `box` (store, disk, memory, whether the hardware watchdog is fed), each daemon
/// (`modemd`, `queued`, `simd`, `ingressd`) and each modem (`modem:<id>`) — with its last
/// escalation; `watchdog_escalations` is the append-only record of every rung climbed;
/// `watchdog_probe` is the one row the writability check rewrites. Version 11 belongs to
/// simd's USSD balance work (merged separately).
enum Migration0012WatchdogHealth {
    static let migration = Migration(version: 12, name: "watchdog-health", sql: """
        CREATE TABLE watchdog_health (
            subject TEXT PRIMARY KEY CHECK (length(subject) BETWEEN 1 AND 64),
            state TEXT NOT NULL CHECK (state IN ('unknown', 'healthy', 'degraded', 'restarting', 'rebooting')),
            detail TEXT NOT NULL,
            pid INTEGER,
            restarts_last_hour INTEGER NOT NULL DEFAULT 0 CHECK (restarts_last_hour >= 0),
            last_escalation TEXT CHECK (last_escalation IS NULL OR last_escalation IN
                ('recover', 'terminate', 'kill', 'power_cycle', 'stop_feeding')),
            last_escalation_at INTEGER,
            last_escalation_reason TEXT,
            disk_free_bytes INTEGER,
            memory_available_bytes INTEGER,
            store_writable INTEGER CHECK (store_writable IS NULL OR store_writable IN (0, 1)),
            integrity TEXT,
            integrity_checked_at INTEGER,
            hardware_feeding INTEGER CHECK (hardware_feeding IS NULL OR hardware_feeding IN (0, 1)),
            checked_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE watchdog_escalations (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            subject TEXT NOT NULL,
            step TEXT NOT NULL CHECK (step IN ('recover', 'terminate', 'kill', 'power_cycle', 'stop_feeding')),
            pid INTEGER,
            reason TEXT NOT NULL,
            outcome TEXT NOT NULL
        ) STRICT;
        CREATE INDEX watchdog_escalations_by_subject ON watchdog_escalations(subject, id);
        CREATE TRIGGER watchdog_escalations_append_only BEFORE UPDATE ON watchdog_escalations
            BEGIN SELECT RAISE(ABORT, 'watchdog_escalations is append-only'); END;

        CREATE TABLE watchdog_probe (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            written_at INTEGER NOT NULL
        ) STRICT;
        """)
}
