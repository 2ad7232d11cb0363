import GatewayCore

/// Applies `ShippedMigrations` to a connection: each migration in its own BEGIN IMMEDIATE
/// transaction, recorded in `schema_migrations` with its checksum. Safe when several processes
/// open the same new file at once: the version is re-read under the write lock.
struct Migrator {
    let migrations: [Migration]

    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        ) STRICT
        """

    /// Brings the schema to the last known migration; returns the versions applied now.
    @discardableResult
    func migrate(_ connection: SQLiteConnection, now: Timestamp) throws -> [Int] {
        try connection.transaction { try connection.execute(Self.bookkeeping) }
        try verifyApplied(connection)
        var applied: [Int] = []
        for migration in migrations {
            // A no-op inside a transaction, so it is switched around it.
            if migration.foreignKeysOff { try connection.execute("PRAGMA foreign_keys = OFF") }
            defer { if migration.foreignKeysOff { try? connection.execute("PRAGMA foreign_keys = ON") } }
            let didApply = try connection.transaction { () throws -> Bool in
                let present = try connection.queryFirst(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", migration.version) { _ in true }
                guard present == nil else { return false }
                try connection.execute(migration.sql)
                if migration.foreignKeysOff { try Self.checkForeignKeys(connection, after: migration) }
                try connection.run(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)",
                    migration.version, migration.name, migration.checksum, now.millisecondsSince1970)
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    /// After a step run with foreign keys off: every reference must still hold.
    static func checkForeignKeys(_ connection: SQLiteConnection, after migration: Migration) throws {
        let broken = try connection.query("PRAGMA foreign_key_check") { "\($0.text(0)) row \($0.int64(1))" }
        guard broken.isEmpty else {
            throw StoreError(.invalidRequest(
                "migration \(migration.version) broke references: \(broken.prefix(5).joined(separator: ", "))"),
                path: connection.path)
        }
    }

    /// Refuses a file with versions this code does not know, or with an edited shipped migration.
    func verifyApplied(_ connection: SQLiteConnection) throws {
        let recorded = try connection.query(
            "SELECT version, checksum FROM schema_migrations ORDER BY version") { row in
            (version: row.int(0), checksum: row.text(1))
        }
        let known = migrations.last?.version ?? 0
        if let newest = recorded.last, newest.version > known {
            throw StoreError(.schemaNewerThanCode(found: newest.version, known: known), path: connection.path)
        }
        for entry in recorded {
            guard let shipped = migrations.first(where: { $0.version == entry.version }),
                  shipped.checksum == entry.checksum else {
                let shipped = migrations.first(where: { $0.version == entry.version })?.checksum ?? "none"
                throw StoreError(
                    .migrationChanged(version: entry.version, recorded: entry.checksum, shipped: shipped),
                    path: connection.path)
            }
        }
    }
}
