import CSQLite

/// A failure reported by SQLite: the primary and extended result codes
/// (https://sqlite.org/rescode.html), SQLite's own message, and the SQL that failed.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, ...).
    public var code: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, `SQLITE_BUSY_SNAPSHOT`, ...).
    public var extendedCode: Int32
    /// `sqlite3_errmsg` at the time of the failure.
    public var message: String
    /// The statement that failed, or `nil` when the failure is not tied to one (open, close).
    public var sql: String?

    public init(code: Int32, extendedCode: Int32, message: String, sql: String?) {
        self.code = code
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the error state of `handle` after a call returned `result`.
    init(result: Int32, handle: OpaquePointer?, sql: String?) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? result
        let text = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(result))
        self.init(code: result & 0xff, extendedCode: extended, message: text, sql: sql)
    }

    /// The database was locked by another connection for longer than the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    /// A UNIQUE, CHECK, NOT NULL or FOREIGN KEY constraint refused the change.
    public var isConstraint: Bool { code == SQLITE_CONSTRAINT }

    public var description: String {
        let name = String(cString: sqlite3_errstr(extendedCode))
        if let sql {
            return "SQLite error \(extendedCode) (\(name)): \(message) in: \(sql)"
        }
        return "SQLite error \(extendedCode) (\(name)): \(message)"
    }
}
