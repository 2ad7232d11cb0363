import GatewayCore
import GatewayStore

/// ingressd's view of the store (docs/store.md), serialised through one connection: durable
/// accepts of whole batches.
actor IngressStore {
    private let database: GatewayDatabase

    init(path: String) throws {
        database = try GatewayDatabase(path: path, now: .wallClock)
    }

    /// One transaction for the whole batch (`GatewayDatabase.accept`): durable when it returns.
    func accept(_ batch: [NewMessage]) throws -> [Int64] {
        try database.accept(batch, now: .wallClock)
    }
}
