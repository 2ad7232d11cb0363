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
    /// Not reentrant: calling it from inside `body` is a programming error reported as MISUSE —
    /// except inside ``batch(_:)``, where it is a savepoint of the batch's one transaction.
    public func transaction<T>(
        _ kind: SQLiteTransactionKind = .immediate, _ body: () throws -> T
    ) throws -> T {
        if isInBatch { return try savepoint(body) }
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

extension SQLiteConnection {
    /// Runs `body` inside ONE write transaction in which every ``transaction(_:_:)`` that the
    /// code it calls opens becomes a savepoint: several writes, each all-or-nothing on its own,
    /// made durable by one commit (one fsync). A write that throws is rolled back to its
    /// savepoint alone; the others still commit. `body` itself throwing rolls back everything.
    /// Group commit for callers that each expect a transaction of their own (modemd's
    /// sessions: one writer for every modem, so no modem waits for another's fsync).
    public func batch<T>(_ body: () throws -> T) throws -> T {
        guard !isInBatch else {
            throw SQLiteError(code: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE,
                              message: "a batch is already open", sql: nil)
        }
        return try transaction(.immediate) {
            isInBatch = true
            defer { isInBatch = false }
            return try body()
        }
    }

    /// `body` between SAVEPOINT and RELEASE; on a throw, ROLLBACK TO and RELEASE (which leaves
    /// the enclosing transaction open with the savepoint's changes undone).
    private func savepoint<T>(_ body: () throws -> T) throws -> T {
        batchSavepointDepth += 1
        defer { batchSavepointDepth -= 1 }
        let name = "batch_item_\(batchSavepointDepth)"
        try run("SAVEPOINT \(name)")
        let value: T
        do {
            value = try body()
        } catch {
            _ = try? run("ROLLBACK TO \(name)")
            _ = try? run("RELEASE \(name)")
            throw error
        }
        try run("RELEASE \(name)")
        return value
    }
}
