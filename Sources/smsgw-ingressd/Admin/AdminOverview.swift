import GatewayIPC
import GatewayStore

/// What the overview page shows besides the box name: smsgw-watchdogd's latest health
/// snapshot and escalations (migration 12, read from the store), and what the daemons answer
/// on their control sockets right now (modems with signal, SIMs, queue, health), as
/// `smsgwctl status` gathers it.
struct AdminOverview: Sendable {
    var boxName: String
    var usesShippedPassword: Bool
    var health: HealthSnapshot?
    var escalations: [EscalationRecord]
    /// Why the store could not be read (the page still renders).
    var storeProblem: String?
    var live: BoxStatus
}

/// The store reads of the overview, on a connection of their own.
actor AdminStoreReader {
    /// SQLite blocks (fsync, busy waits): this actor runs on a thread of its own, not the pool.
    private let thread: DatabaseThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let database: GatewayDatabase

    init(path: String) throws {
        thread = try DatabaseThread(name: "admin-store")
        database = try GatewayDatabase(path: path, now: .wallClock)
    }

    func health(escalations limit: Int) throws -> (HealthSnapshot, [EscalationRecord]) {
        (try database.healthSnapshot(), try database.escalations(limit: limit))
    }
}
