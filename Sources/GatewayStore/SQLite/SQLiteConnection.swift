import CSQLite

/// One connection to a SQLite database file (https://sqlite.org/c3ref/sqlite3.html).
///
/// Not `Sendable`: one owner (a daemon's store actor or a test) uses it. Opened with
/// `SQLITE_OPEN_NOMUTEX` for that reason. Statements are prepared once and cached by SQL text.
public final class SQLiteConnection {
    private var handle: OpaquePointer?
    private var cache: [String: SQLiteStatement] = [:]
    private static let cacheCapacity = 128
    /// Savepoints open inside a ``batch(_:)`` (0 outside one, and between its items).
    var batchSavepointDepth = 0
    /// True inside ``batch(_:)``: a ``transaction(_:_:)`` there becomes a savepoint.
    var isInBatch = false
    /// The file this connection opened.
    public let path: String

    /// Opens (creating if needed) the database at `path` and sets the busy timeout first, so
    /// that every following statement, pragmas included, waits for other processes' locks.
    /// `readOnly`: an existing file, never written through this connection.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000, readOnly: Bool = false) throws(SQLiteError) {
        self.path = path
        var opened: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &opened, flags, nil)
        guard result == SQLITE_OK, let opened else {
            let error = SQLiteError(result: result, handle: opened, sql: nil)
            sqlite3_close_v2(opened)
            throw error
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
        sqlite3_busy_timeout(opened, busyTimeoutMilliseconds)
    }

    deinit { close() }

    /// Finalizes the cached statements and closes the file. Safe to call twice.
    public func close() {
        cache.removeAll()
        if let handle {
            sqlite3_close_v2(handle)
            self.handle = nil
        }
    }

    /// Runs one or more statements without parameters (schema, pragmas whose result is ignored).
    public func execute(_ sql: String) throws(SQLiteError) {
        let result = sqlite3_exec(try open(), sql, nil, nil, nil)
        guard result == SQLITE_OK else { throw error(result, sql: sql) }
    }

    /// Runs one statement with `arguments` and ignores any rows; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: any SQLiteBindable...) throws(SQLiteError) -> Int {
        try run(sql, arguments: arguments)
    }

    @discardableResult
    public func run(_ sql: String, arguments: [any SQLiteBindable]) throws(SQLiteError) -> Int {
        try withStatement(sql, arguments) { statement throws(SQLiteError) in
            while try statement.step() {}
        }
        return Int(sqlite3_changes(try open()))
    }

    /// Runs one statement and maps every row with `transform`.
    public func query<T>(
        _ sql: String, _ arguments: any SQLiteBindable..., row transform: (SQLiteRow) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> [T] {
        try query(sql, arguments: arguments, row: transform)
    }

    public func query<T>(
        _ sql: String, arguments: [any SQLiteBindable], row transform: (SQLiteRow) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> [T] {
        try withStatement(sql, arguments) { statement throws(SQLiteError) in
            var rows: [T] = []
            while try statement.step() {
                rows.append(try transform(SQLiteRow(statement: statement.handle)))
            }
            return rows
        }
    }

    /// The first row mapped by `transform`, or `nil` when the statement yields none.
    public func queryFirst<T>(
        _ sql: String, _ arguments: any SQLiteBindable..., row transform: (SQLiteRow) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> T? {
        try withStatement(sql, arguments) { statement throws(SQLiteError) in
            guard try statement.step() else { return nil }
            return try transform(SQLiteRow(statement: statement.handle))
        }
    }

    /// The rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// True between BEGIN and COMMIT/ROLLBACK.
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    // MARK: - Internals

    func open() throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(code: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE,
                              message: "the connection to \(path) is closed", sql: nil)
        }
        return handle
    }

    func error(_ result: Int32, sql: String?) -> SQLiteError {
        SQLiteError(result: result, handle: handle, sql: sql)
    }

    /// Takes the cached statement for `sql` (or prepares one), binds, runs `body`, resets.
    private func withStatement<T>(
        _ sql: String, _ arguments: [any SQLiteBindable], _ body: (SQLiteStatement) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> T {
        let statement = try cachedStatement(sql)
        statement.inUse = true
        defer {
            statement.reset()
            statement.inUse = false
        }
        try statement.bind(arguments)
        return try body(statement)
    }

    private func cachedStatement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = cache[sql], !cached.inUse { return cached }
        let db = try open()
        var prepared: OpaquePointer?
        let result = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard result == SQLITE_OK, let prepared else { throw error(result, sql: sql) }
        let statement = SQLiteStatement(handle: prepared, sql: sql, connection: self)
        // The daemons use a fixed set of statements; ad-hoc SQL (diagnostics) beyond the cap is
        // prepared each time instead of growing the cache without bound.
        if cache[sql] == nil, cache.count < Self.cacheCapacity { cache[sql] = statement }
        return statement
    }
}
