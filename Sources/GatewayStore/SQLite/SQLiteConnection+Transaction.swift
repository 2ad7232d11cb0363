import CSQLite

/// How a transaction takes its locks (https://sqlite.org/lang_transaction.html).
public enum SQLiteTransactionKind: String, Sendable {
    /// Takes the write lock at BEGIN, waiting up to the busy timeout: every writer uses it, since
    /// a deferred transaction that upgrades to a write in WAL mode fails with SQLITE_BUSY at once.
    case immediate = "BEGIN IMMEDIATE"
    /// Reads a consistent snapshot; for readers only.
    case deferred = "BEGIN DEFERRED"
}

extension SQLiteConnection {
    /// Runs `body` inside a transaction: COMMIT when it returns, ROLLBACK when it throws.
    /// Not reentrant: calling it from inside `body` is a programming error reported as MISUSE.
    public func transaction<T>(
        _ kind: SQLiteTransactionKind = .immediate, _ body: () throws -> T
    ) throws -> T {
        guard !isInTransaction else {
            throw SQLiteError(code: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE,
                              message: "a transaction is already open", sql: kind.rawValue)
        }
        try run(kind.rawValue)
        let value: T
        do {
            value = try body()
        } catch {
            if isInTransaction { _ = try? run("ROLLBACK") }
            throw error
        }
        do {
            try run("COMMIT")
        } catch {
            if isInTransaction { _ = try? run("ROLLBACK") }
            throw error
        }
        return value
    }
}
