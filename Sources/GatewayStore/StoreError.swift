/// A failure of the store above the SQLite layer: what was wrong with the file or the request.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The file was migrated by a newer smsgw: it has `found`, this code knows up to `known`.
        case schemaNewerThanCode(found: Int, known: Int)
        /// A tool that only reads found the file not yet migrated to what this code knows.
        case schemaOlderThanCode(found: Int, needed: Int)
        /// A shipped migration's SQL differs from what was applied to this file.
        case migrationChanged(version: Int, recorded: String, shipped: String)
        /// A pragma did not take the value the store requires.
        case pragmaRefused(name: String, wanted: String, got: String)
        /// A referenced row does not exist (or is not in a state that allows the change).
        case notFound(what: String, id: Int64)
        /// The request itself is invalid (e.g. a message without parts).
        case invalidRequest(String)
    }

    public var reason: Reason
    /// The database file.
    public var path: String

    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    public var description: String {
        switch reason {
        case let .schemaNewerThanCode(found, known):
            "\(path): schema version \(found) is newer than this smsgw knows (\(known)); "
                + "run the smsgw version that wrote it, or restore a backup"
        case let .schemaOlderThanCode(found, needed):
            "\(path): schema version \(found) is older than this smsgw's (\(needed)); "
                + "start the daemons, which migrate it"
        case let .migrationChanged(version, recorded, shipped):
            "\(path): migration \(version) was applied with checksum \(recorded) but this smsgw "
                + "ships \(shipped); shipped migrations must never change"
        case let .pragmaRefused(name, wanted, got):
            "\(path): PRAGMA \(name) is \(got), the store requires \(wanted)"
        case let .notFound(what, id):
            "\(path): no \(what) with id \(id) in a state that allows this change"
        case let .invalidRequest(text):
            "\(path): \(text)"
        }
    }
}
