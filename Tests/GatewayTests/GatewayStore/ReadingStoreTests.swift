import Foundation
import GatewayCore
import Testing
@testable import GatewayStore

/// `GatewayDatabase.reading`: how `smsgwctl status` looks at a box's store without touching it.
@Suite("GatewayDatabase.reading")
struct ReadingStoreTests {
    @Test("a migrated store reads; a write through the reading connection is refused")
    func readsAndNeverWrites() throws {
        let temporary = try TemporaryDatabase()
        let writer = try temporary.open()
        try writer.recordEscalation(EscalationRecord(at: .testStart, subject: "queued", step: "recover", pid: 42,
                                                     reason: "silent", outcome: "asked"))
        let reader = try GatewayDatabase.reading(path: temporary.path)
        #expect(try reader.escalations(limit: 5).map(\.subject) == ["queued"])
        #expect(throws: SQLiteError.self) {
            try reader.recordEscalation(EscalationRecord(at: .testStart, subject: "simd", step: "recover", pid: nil,
                                                         reason: "silent", outcome: "asked"))
        }
        reader.close()
        writer.close()
    }

    @Test("a store not yet migrated this far is refused with the versions, and left as it was")
    func anOlderSchemaIsRefused() throws {
        let temporary = try TemporaryDatabase()
        let connection = try SQLiteConnection(path: temporary.path)
        try connection.execute("PRAGMA journal_mode = WAL")
        _ = try Migrator(migrations: Array(ShippedMigrations.all.prefix(3))).migrate(connection, now: .testStart)
        connection.close()
        let known = try #require(ShippedMigrations.all.last?.version)
        #expect(throws: StoreError(.schemaOlderThanCode(found: 3, needed: known), path: temporary.path)) {
            try GatewayDatabase.reading(path: temporary.path)
        }
        let again = try SQLiteConnection(path: temporary.path)
        #expect(try again.queryFirst("SELECT MAX(version) FROM schema_migrations") { $0.int(0) } == 3)
    }

    @Test("no store at the path: an error, and no file created")
    func noFileIsNotCreated() throws {
        let temporary = try TemporaryDatabase()
        #expect(throws: SQLiteError.self) { try GatewayDatabase.reading(path: temporary.path) }
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
    }
}
