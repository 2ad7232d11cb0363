/// One schema step. Shipped migrations never change (a test pins their checksums); a new
/// schema change is a new migration appended to `ShippedMigrations.all`. Plain SQL only: no
/// app types, so that the step means the same thing forever (GRDB's rule for migrations).
public struct Migration: Sendable, Hashable {
    /// 1, 2, 3... in order, without gaps.
    public var version: Int
    /// A short name, recorded next to the version.
    public var name: String
    /// One or more SQL statements, applied in one transaction.
    public var sql: String
    /// Whether the step rebuilds a table that others reference: it then runs with foreign keys
    /// off and must leave `PRAGMA foreign_key_check` empty (https://sqlite.org/lang_altertable.html §7).
    public var foreignKeysOff: Bool

    public init(version: Int, name: String, foreignKeysOff: Bool = false, sql: String) {
        self.version = version
        self.name = name
        self.foreignKeysOff = foreignKeysOff
        self.sql = sql
    }

    /// FNV-1a 64-bit of the SQL's UTF-8 bytes, as 16 lowercase hex digits: recorded when the
    /// migration is applied and compared on every open, so an edited shipped migration is caught.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
