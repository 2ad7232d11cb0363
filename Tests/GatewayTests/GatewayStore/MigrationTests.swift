import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store migrations")
struct MigrationTests {
    /// Pinned: editing a shipped migration changes its checksum and fails here. Append a new
    /// migration instead (and pin it here).
    static let pinned: [Int: String] = [
        1: "2d7538ae3c24030f",
        2: "08b94a835f55321e",
        3: "bf24000dce1446c0",
        4: "5d10b50112de2c15",
        5: "ca2d4b75ecfdde30",
        6: "e2b159ad962eb59c",
        7: "05d36811a8f657d9",
        8: "672e64fb2cbd093b",
        9: "331865846f0d579f",
        10: "b2344aa5ea10673c",
        11: "e026a86b955ade81",
        12: "e0db89fb412e88cb",
        13: "b7203aa9b6c7e852",
    ]

    @Test("every shipped migration keeps its checksum")
    func checksumsArePinned() {
        #expect(ShippedMigrations.all.count == Self.pinned.count)
        for migration in ShippedMigrations.all {
            #expect(migration.checksum == Self.pinned[migration.version], "migration \(migration.version)")
        }
    }

    /// Versions are numbered 1...n in order, with no gap: a gap would mean a migration lost.
    @Test("versions run 1...n without gaps")
    func versionsAreContiguous() {
        #expect(ShippedMigrations.all.map(\.version) == Array(1...ShippedMigrations.all.count))
    }

    @Test("FNV-1a 64 vectors: the empty string and \"a\" (published test values)")
    func checksumFunction() {
        #expect(Migration(version: 0, name: "", sql: "").checksum == "cbf29ce484222325")
        #expect(Migration(version: 0, name: "", sql: "a").checksum == "af63dc4c8601ec8c")
    }

    @Test("each migration is recorded once; reopening applies nothing")
    func recordedOnce() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let first = try temporary.open()
        #expect(try first.schemaVersion() == ShippedMigrations.latestVersion)
        first.close()
        let again = try temporary.open()
        let rows = try again.connection.query("SELECT version, checksum FROM schema_migrations ORDER BY version") {
            "\($0.int(0)):\($0.text(1))"
        }
        #expect(rows == ShippedMigrations.all.map { "\($0.version):\($0.checksum)" })
    }

    @Test("a file migrated by newer code is refused with a clear error")
    func newerSchemaIsRefused() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        try db.connection.run("INSERT INTO schema_migrations VALUES (99, 'future', '0', 0)")
        db.close()
        do {
            _ = try temporary.open()
            Issue.record("expected a refusal")
        } catch let error as StoreError {
            #expect(error.reason == .schemaNewerThanCode(found: 99, known: ShippedMigrations.latestVersion))
            #expect(error.description.contains("newer than this smsgw knows"))
        }
    }

    @Test("a shipped migration edited after it was applied is refused")
    func changedMigrationIsRefused() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        try db.connection.run("UPDATE schema_migrations SET checksum = 'deadbeefdeadbeef' WHERE version = 2")
        db.close()
        #expect(throws: StoreError.self) { _ = try temporary.open() }
    }

    @Test("a failing migration leaves nothing behind: its transaction rolls back")
    func failingMigrationRollsBack() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let connection = try SQLiteConnection(path: temporary.path)
        let broken = [Migration(version: 1, name: "ok", sql: "CREATE TABLE a (x INTEGER)"),
                      Migration(version: 2, name: "broken", sql: "CREATE TABLE b (x INTEGER); CREATE TABLE a (y)")]
        #expect(throws: SQLiteError.self) { try Migrator(migrations: broken).migrate(connection, now: .testStart) }
        let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") { $0.text(0) }
        #expect(tables == ["a", "schema_migrations"])
        #expect(try connection.query("SELECT version FROM schema_migrations") { $0.int(0) } == [1])
    }
}
