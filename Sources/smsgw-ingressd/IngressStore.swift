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

    /// One transaction for the whole batch (`GatewayDatabase.accept`): durable when it returns.
    func accept(_ batch: [NewMessage]) throws -> [Int64] {
        try database.accept(batch, now: .wallClock, assemblyTimeout: assemblyTimeout)
    }

    /// Fails assemblies past their deadline (`GatewayDatabase.failIncompleteAssemblies`).
    func failIncompleteAssemblies(limit: Int) throws -> [Int64] {
        try database.failIncompleteAssemblies(now: .wallClock, limit: limit)
    }
}
