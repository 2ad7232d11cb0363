import GatewayCore
import GatewayDaemon
import GatewayStore

/// The HTTP API's reads on a connection of its own (WAL lets them run beside the group
/// commit's writes): message status with history, the inbound feed, counts for /metrics and
/// the health probe.
actor HTTPStoreReader {
    /// SQLite blocks (fsync, busy waits): this actor runs on a thread of its own, not the pool.
    private let thread: DatabaseThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let database: GatewayDatabase

    init(path: String) throws {
        thread = try DatabaseThread(name: "http-store")
        database = try GatewayDatabase(path: path, now: .wallClock)
    }

    func message(_ id: Int64, account: String) throws -> (status: MessageStatusRecord, history: [HistoryEntry])? {
        guard let status = try database.messageStatus(id, account: account) else { return nil }
        return (status, try database.history(of: id))
    }

    /// `account`'s message `id` as it is now: its parts and state (a retried `client_id` is
    /// answered with the stored message, not with what the retry would have made).
    func stored(_ id: Int64, account: String) throws -> (parts: Int, state: MessageState)? {
        try database.messageStatus(id, account: account).map { ($0.parts.count, $0.state) }
    }

    func inbound(account: String, sinceID: Int64, limit: Int) throws -> [InboundFeedRecord] {
        try database.inboundFeed(account: account, sinceID: sinceID, limit: limit)
    }

    func gauges() throws -> StoreGauges {
        var messages: [String: Int] = [:]
        for (state, byClass) in try database.queueDepth() { messages[state.rawValue] = byClass.values.reduce(0, +) }
        return StoreGauges(messagesByState: messages, outbox: try database.outboxCounts(), modemsByState: try database.modemCounts())
    }

    /// Whether the store answers a trivial query.
    func ping() -> Bool {
        (try? database.connection.queryFirst("SELECT 1") { $0.int(0) }) == 1
    }
}

/// The store's counts computed at scrape time.
struct StoreGauges: Sendable, Equatable {
    var messagesByState: [String: Int]
    var outbox: [String: [String: Int]]
    var modemsByState: [String: Int]
}
