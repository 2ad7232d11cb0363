import GatewayCore
import GatewayStore

/// ingressd's view of the store (docs/store.md), serialised through one connection: durable
/// accepts of whole batches, the sweep of assemblies that timed out, and what upstream asks
/// about its own messages afterwards.
actor IngressStore {
    /// SQLite blocks (fsync, busy waits): this actor runs on a thread of its own, not the pool.
    private let thread: DatabaseThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let database: GatewayDatabase
    /// How long an upstream-split message waits for its missing parts (docs/ingressd.md).
    let assemblyTimeout: Duration

    /// Times are the caller's (its clock's `now`): this actor never reads a clock.
    init(path: String, assemblyTimeout: Duration = .seconds(600), now: Timestamp) throws {
        thread = try DatabaseThread(name: "ingress-store")
        database = try GatewayDatabase(path: path, now: now)
        self.assemblyTimeout = assemblyTimeout
    }

    /// One transaction for the whole batch (`GatewayDatabase.acceptOutcomes`): durable when it
    /// returns; a reused idempotency key is a duplicate or conflict of that message alone.
    /// `now` is the messages' acceptance time.
    func accept(_ batch: [NewMessage], now: Timestamp) throws -> [AcceptOutcome] {
        try database.acceptOutcomes(batch, now: now, assemblyTimeout: assemblyTimeout)
    }

    /// Fails assemblies past their deadline (`GatewayDatabase.failIncompleteAssemblies`).
    func failIncompleteAssemblies(limit: Int, now: Timestamp) throws -> [Int64] {
        try database.failIncompleteAssemblies(now: now, limit: limit)
    }

    /// `account`'s message named by an id upstream was answered with (query_sm, cancel_sm,
    /// replace_sm): the message's decimal id, or a part's submit id, which names the whole
    /// message its parts went out as. Nil for a malformed id, none, or another account's.
    func message(named text: String, account: String) throws -> UpstreamMessageStatus? {
        if let id = UpstreamMessageID.parse(text) { return try database.upstreamMessage(id, account: account) }
        if let submit = SubmitID(text) { return try database.upstreamMessage(submitID: submit, account: account) }
        return nil
    }

    /// `account`'s waiting messages from `source` to `destination` (cancel_sm without message_id).
    func waitingMessageIDs(account: String, source: String, destination: String) throws -> [Int64] {
        try database.waitingMessageIDs(account: account, source: source, destination: destination)
    }

    /// replace_sm: false when the message no longer waits (`GatewayDatabase.replaceWaitingMessage`).
    func replace(_ id: Int64, account: String, with replacement: MessageReplacement, now: Timestamp) throws -> Bool {
        try database.replaceWaitingMessage(id, account: account, with: replacement, now: now)
    }
}
