import CSQLite

/// A prepared statement (https://sqlite.org/c3ref/stmt.html), owned by one `SQLiteConnection`
/// and reused through its cache. Every use binds all parameters, steps, then resets.
final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
    private unowned let connection: SQLiteConnection
    /// True while a caller is stepping it; a nested use of the same SQL prepares a fresh copy.
    var inUse = false

    init(handle: OpaquePointer, sql: String, connection: SQLiteConnection) {
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `arguments` to parameters 1...n; the count must match the statement's.
    func bind(_ arguments: [any SQLiteBindable]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw SQLiteError(
                code: SQLITE_RANGE, extendedCode: SQLITE_RANGE,
                message: "statement has \(expected) parameters, \(arguments.count) given", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let result = argument.bind(to: handle, at: Int32(offset + 1))
            guard result == SQLITE_OK else { throw connection.error(result, sql: sql) }
        }
    }

    /// Steps once; true when a row is available, false when done.
    func step() throws(SQLiteError) -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error(result, sql: sql)
        }
    }

    /// Makes the statement ready for its next use and drops the bound values.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }
}
