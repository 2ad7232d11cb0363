import GatewayCore

/// The smsgw database: one connection with the pragmas every daemon needs, migrated to the
/// current schema. The typed queries live in extensions, one file per concern.
///
/// Not `Sendable`: each daemon owns one (its store actor), and several processes open the same
/// file concurrently; SQLite's file locks and the busy timeout serialise their writers.
public final class GatewayDatabase {
    /// The underlying connection, for the few callers that need raw SQL (tests, diagnostics).
    public let connection: SQLiteConnection

    /// Opens `path`, sets WAL, synchronous=FULL, foreign keys and the busy timeout, verifies
    /// them, and applies the shipped migrations.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000, now: Timestamp) throws {
        connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        try Self.configure(connection)
        try Migrator(migrations: ShippedMigrations.all).migrate(connection, now: now)
        try Self.verifyPragmas(connection)
    }

    /// Opens `path` read-only, for tools that only look (`smsgwctl status`): no pragma set, no
    /// migration applied — a tool never changes the file a box's daemons own — and a schema
    /// older or newer than this code is refused (the daemons migrate it when they start).
    public static func reading(path: String, busyTimeoutMilliseconds: Int32 = 2_000) throws -> GatewayDatabase {
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds, readOnly: true)
        let found = try connection.queryFirst("SELECT MAX(version) FROM schema_migrations") { $0.int(0) } ?? 0
        let known = ShippedMigrations.all.last?.version ?? 0
        guard found <= known else { throw StoreError(.schemaNewerThanCode(found: found, known: known), path: path) }
        guard found == known else { throw StoreError(.schemaOlderThanCode(found: found, needed: known), path: path) }
        return GatewayDatabase(connection: connection)
    }

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Closes the connection (also done when the value is released).
    public func close() { connection.close() }

    /// Pragmas are per connection except journal_mode, which is persistent in the file
    /// (https://sqlite.org/pragma.html, https://sqlite.org/wal.html).
    static func configure(_ connection: SQLiteConnection) throws {
        let mode = try connection.queryFirst("PRAGMA journal_mode = WAL") { $0.text(0) } ?? ""
        guard mode.lowercased() == "wal" else {
            throw StoreError(.pragmaRefused(name: "journal_mode", wanted: "wal", got: mode), path: connection.path)
        }
        try connection.execute("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
    }

    static func verifyPragmas(_ connection: SQLiteConnection) throws {
        let synchronous = try connection.queryFirst("PRAGMA synchronous") { $0.int(0) } ?? -1
        guard synchronous == 2 else {
            throw StoreError(.pragmaRefused(name: "synchronous", wanted: "2 (FULL)", got: "\(synchronous)"),
                             path: connection.path)
        }
        let foreignKeys = try connection.queryFirst("PRAGMA foreign_keys") { $0.int(0) } ?? -1
        guard foreignKeys == 1 else {
            throw StoreError(.pragmaRefused(name: "foreign_keys", wanted: "1", got: "\(foreignKeys)"),
                             path: connection.path)
        }
    }

    /// The schema version recorded in the file.
    public func schemaVersion() throws -> Int {
        try connection.queryFirst("SELECT coalesce(max(version), 0) FROM schema_migrations") { $0.int(0) } ?? 0
    }
}
