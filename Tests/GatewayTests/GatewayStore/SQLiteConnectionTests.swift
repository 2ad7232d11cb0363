import Testing
@testable import GatewayStore

@Suite("SQLite connection wrapper")
struct SQLiteConnectionTests {
    // Each test gets a new instance: a scratch file (kept alive as long as the test) with one table.
    let temporary: TemporaryDatabase
    let connection: SQLiteConnection

    init() throws {
        temporary = try TemporaryDatabase()
        connection = try SQLiteConnection(path: temporary.path)
        try connection.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB)")
    }

    @Test("values round-trip: integer extremes, UTF-8 text with a NUL, empty and binary blobs, NULL")
    func roundTrip() throws {
        // Int64.min/max: no truncation through Int; "a\0b": text is bound by length, not C string;
        // an empty blob must stay a blob, not turn into NULL.
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?)", Int64.min, 0.5, "a\u{0}b ü 😀", SQLiteBlob([]))
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?)", Int64.max, -1.25, "", SQLiteBlob([0, 255, 1]))
        try connection.run("INSERT INTO t VALUES (?, ?, ?, ?)", nil as Int64?, nil as Double?, nil as String?, nil as SQLiteBlob?)
        let rows = try connection.query("SELECT i, r, s, b, typeof(b) FROM t ORDER BY rowid") { row in
            "\(row.optionalInt64(0).map(String.init) ?? "nil")|\(row.double(1))|\(row.optionalText(2) ?? "nil")|\(row.blob(3))|\(row.text(4))"
        }
        #expect(rows == [
            "\(Int64.min)|0.5|a\u{0}b ü 😀|[]|blob",
            "\(Int64.max)|-1.25||[0, 255, 1]|blob",
            "nil|0.0|nil|[]|null",
        ])
    }

    @Test("a throwing transaction body rolls back; the error passes through")
    func rollback() throws {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try connection.transaction {
                try connection.run("INSERT INTO t (i) VALUES (1)")
                throw Stop()
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try connection.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 0)
    }

    @Test("a nested transaction is refused as misuse and the outer one still commits")
    func nested() throws {
        try connection.transaction {
            try connection.run("INSERT INTO t (i) VALUES (1)")
            let error = #expect(throws: SQLiteError.self) { try connection.transaction { } }
            #expect(error?.code == 21)  // SQLITE_MISUSE
        }
        #expect(try connection.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 1)
    }

    @Test("a wrong number of arguments is refused before anything runs")
    func argumentCount() throws {
        let error = #expect(throws: SQLiteError.self) { try connection.run("INSERT INTO t (i, s) VALUES (?, ?)", 1) }
        #expect(error?.message == "statement has 2 parameters, 1 given")
    }

    @Test("the same cached statement used inside its own row closure gets a fresh copy")
    func reentrantStatement() throws {
        for value in 1...3 { try connection.run("INSERT INTO t (i) VALUES (?)", value) }
        let sql = "SELECT i FROM t WHERE i >= ? ORDER BY i"
        let pairs = try connection.query(sql, 2) { (row: SQLiteRow) throws(SQLiteError) -> (Int, [Int]) in
            (row.int(0), try connection.query(sql, row.int(0)) { $0.int(0) })
        }
        #expect(pairs.map(\.0) == [2, 3])
        #expect(pairs.map(\.1) == [[2, 3], [3]])
    }

    @Test("a closed connection reports misuse instead of crashing")
    func closed() throws {
        connection.close()
        connection.close()
        let error = #expect(throws: SQLiteError.self) { try connection.run("SELECT 1") }
        #expect(error?.code == 21)
    }
}

@Suite("SQLite batches of savepoints")
struct SQLiteBatchTests {
    let temporary: TemporaryDatabase
    let connection: SQLiteConnection

    init() throws {
        temporary = try TemporaryDatabase()
        connection = try SQLiteConnection(path: temporary.path)
        try connection.execute("CREATE TABLE t (i INTEGER)")
    }

    @Test("inside a batch each transaction is a savepoint: a failing one is undone alone, the others commit")
    func savepoints() throws {
        struct Stop: Error {}
        try connection.batch {
            try connection.transaction { _ = try connection.run("INSERT INTO t VALUES (1)") }
            var thrown: (any Error)?
            do {
                try connection.transaction {
                    _ = try connection.run("INSERT INTO t VALUES (2)")
                    // Nested once more: the inner savepoint commits into the outer, which is undone.
                    try connection.transaction { _ = try connection.run("INSERT INTO t VALUES (3)") }
                    throw Stop()
                }
            } catch { thrown = error }
            #expect(thrown is Stop)
            try connection.transaction { _ = try connection.run("INSERT INTO t VALUES (4)") }
            #expect(connection.isInTransaction)
        }
        #expect(!connection.isInTransaction)
        let rows = try connection.query("SELECT i FROM t ORDER BY i") { $0.int(0) }
        #expect(rows == [1, 4])
    }

    @Test("a batch whose body throws rolls back every write in it; a batch inside a batch is misuse")
    func wholeBatchRollback() throws {
        struct Stop: Error {}
        var nestedBatchError: SQLiteError?
        #expect(throws: Stop.self) {
            try connection.batch {
                try connection.transaction { _ = try connection.run("INSERT INTO t VALUES (1)") }
                do { try connection.batch {} } catch let error as SQLiteError { nestedBatchError = error }
                throw Stop()
            }
        }
        #expect(nestedBatchError?.code == 21)  // SQLITE_MISUSE
        #expect(try connection.queryFirst("SELECT count(*) FROM t") { $0.int(0) } == 0)
        // Outside a batch a nested transaction is still refused.
        var nestedError: SQLiteError?
        try connection.transaction {
            do { try connection.transaction {} } catch let error as SQLiteError { nestedError = error }
        }
        #expect(nestedError?.code == 21)
    }
}
