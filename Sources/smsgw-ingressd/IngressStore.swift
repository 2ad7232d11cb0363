import GatewayCore
import GatewayStore

/// ingressd's view of the store (docs/store.md), serialised through one connection: durable
/// accepts of whole batches.
actor IngressStore {
    private let database: GatewayDatabase

    init(path: String) throws {
        database = try GatewayDatabase(path: path, now: .wallClock)
    }

    /// One transaction for the whole batch (`GatewayDatabase.acceptOutcomes`): durable when it
    /// returns; a reused idempotency key is a duplicate or conflict of that message alone.
    func accept(_ batch: [NewMessage]) throws -> [AcceptOutcome] {
        try database.acceptOutcomes(batch, now: .wallClock)
    }
}
