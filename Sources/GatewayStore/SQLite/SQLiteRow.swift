import CSQLite

/// The current row of a statement being stepped. It must not outlive the closure that receives
/// it: the statement moves on (or is reset) after the closure returns
/// (https://sqlite.org/c3ref/column_blob.html). Columns are 0-based.
public struct SQLiteRow {
    let statement: OpaquePointer

    init(statement: OpaquePointer) { self.statement = statement }

    public func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }

    public func bool(_ column: Int32) -> Bool { sqlite3_column_int64(statement, column) != 0 }

    public func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

    /// The column as text; NULL reads as "".
    public func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    public func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let base = sqlite3_column_blob(statement, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }

    public func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    public func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    public func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}
