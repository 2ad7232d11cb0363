import GatewayCore
import GatewayStore

/// ingressd's view of the store (docs/store.md), serialised through one connection: durable
/// accepts of whole batches, and the sweep of assemblies that timed out.
actor IngressStore {
    private let database: GatewayDatabase
    /// How long an upstream-split message waits for its missing parts (docs/ingressd.md).
    let assemblyTimeout: Duration

    init(path: String, assemblyTimeout: Duration = .seconds(600)) throws {
        database = try GatewayDatabase(path: path, now: .wallClock)
        self.assemblyTimeout = assemblyTimeout
    }

    /// One transaction for the whole batch (`GatewayDatabase.acceptOutcomes`): durable when it
    /// returns; a reused idempotency key is a duplicate or conflict of that message alone.
    func accept(_ batch: [NewMessage]) throws -> [AcceptOutcome] {
        try database.acceptOutcomes(batch, now: .wallClock, assemblyTimeout: assemblyTimeout)
    }

    /// Fails assemblies past their deadline (`GatewayDatabase.failIncompleteAssemblies`).
    func failIncompleteAssemblies(limit: Int) throws -> [Int64] {
        try database.failIncompleteAssemblies(now: .wallClock, limit: limit)
    }
}
