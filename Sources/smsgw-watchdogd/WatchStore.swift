import GatewayCore
import GatewayDaemon
import GatewayStore

/// watchdogd's own store connection: the writability probe, the slow integrity check, the
/// health snapshot and the escalation record (docs/store.md, "Health snapshot").
actor WatchStore {
    /// SQLite blocks (fsync, busy waits): this actor runs on a thread of its own, not the pool.
    private let thread: DatabaseThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let database: GatewayDatabase

    init(path: String) throws {
        thread = try DatabaseThread(name: "watchdogd-store")
        database = try GatewayDatabase(path: path, now: .wallClock)
    }

    /// The tiny durable write; the error text when it failed.
    func probeWrite() -> String? {
        do { try database.probeWrite(now: .wallClock) } catch { return "\(error)" }
        return nil
    }

    func quickCheck() -> String {
        do { return try database.quickCheck() } catch { return "quick_check failed: \(error)" }
    }

    func save(_ records: [HealthRecord]) throws { try database.saveHealth(records) }

    func record(_ escalation: EscalationRecord) throws { try database.recordEscalation(escalation) }

    func snapshot() throws -> HealthSnapshot { try database.healthSnapshot() }
}
