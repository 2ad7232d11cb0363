import Foundation
import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store pragmas")
struct StorePragmaTests {
    @Test("WAL and synchronous=FULL hold after open and after migrations, on a new and a reopened file")
    func walAndFull() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        for _ in 0..<2 {  // first open migrates; the second finds the schema in place
            let db = try temporary.open()
            #expect(try db.connection.queryFirst("PRAGMA journal_mode") { $0.text(0) } == "wal")
            #expect(try db.connection.queryFirst("PRAGMA synchronous") { $0.int(0) } == 2)
            #expect(try db.connection.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
            #expect(try db.connection.queryFirst("PRAGMA busy_timeout") { $0.int(0) } == 5_000)
            // While open, writes go to the -wal file (a clean close checkpoints and removes it).
            #expect(FileManager.default.fileExists(atPath: temporary.path + "-wal"))
            db.close()
        }
    }

    @Test("synchronous=FULL still holds after writes in transactions")
    func fullAfterWrites() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        _ = try db.accept([Fixtures.message()], now: .testStart)
        #expect(try db.connection.queryFirst("PRAGMA synchronous") { $0.int(0) } == 2)
    }

    @Test("foreign keys are enforced: a part of a missing message is refused")
    func foreignKeys() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        #expect(throws: SQLiteError.self) {
            try db.connection.run("INSERT INTO message_parts (message_id, seq, pdu_hex) VALUES (999, 1, '00')")
        }
    }

    @Test("an SQLite error names the code, the message and the SQL")
    func errorShape() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let error = #expect(throws: SQLiteError.self) {
            try db.connection.run("SELECT * FROM no_such_table")
        }
        #expect(error?.code == 1)  // SQLITE_ERROR
        #expect(error?.message.contains("no_such_table") == true)
        #expect(error?.sql == "SELECT * FROM no_such_table")
    }
}
