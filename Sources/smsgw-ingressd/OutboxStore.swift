import GatewayCore
import GatewayStore

/// The dispatcher's own store connection (docs/store.md, `upstream_outbox`): claims, outcomes,
/// holds, inbound forwarding. Kept apart from `IngressStore` so outbox work never waits behind
/// an accept's fsync (WAL lets both connections work; writers take turns on the lock).
actor OutboxStore {
    /// SQLite blocks (fsync, busy waits): this actor runs on a thread of its own, not the pool.
    private let thread: DatabaseThread
    nonisolated var unownedExecutor: UnownedSerialExecutor { thread.asUnownedSerialExecutor() }
    private let database: GatewayDatabase

    /// Times are the caller's (its clock's `now`): this actor never reads a clock.
    init(path: String, now: Timestamp) throws {
        thread = try DatabaseThread(name: "outbox-store")
        database = try GatewayDatabase(path: path, now: now)
    }

    func claimDue(now: Timestamp, lease: Duration, limit: Int) throws -> [OutboxEntry] {
        try database.claimDueOutbox(now: now, lease: lease, limit: limit)
    }

    /// One transaction for a batch's outcomes.
    func settle(_ outcomes: [OutboxOutcome], now: Timestamp) throws -> Int {
        let settled = try database.settleOutbox(outcomes, now: now)
        settledCount += settled
        return settled
    }

    /// Outbox entries settled (delivered, retried or given up) since start: ingress's progress.
    private(set) var settledCount = 0

    /// Entries still `pending` in the outbox (for `health`).
    func pendingCount() throws -> Int { try database.pendingOutboxCount() }

    func releaseHeld(account: String, now: Timestamp, claimedUntil: Timestamp) throws -> Int {
        try database.releaseHeldOutbox(account: account, now: now, claimedUntil: claimedUntil)
    }

    /// What the receipt of `report` says besides its state: its message's facts, or its
    /// submitted part's when it is about one.
    func receiptFacts(of report: DeliveryReportPayload) throws -> ReceiptFacts? {
        try database.receiptFacts(messageID: report.messageID, submitID: report.submitID, statusReportID: report.statusReportID)
    }

    func inboundReady(afterID: Int64, limit: Int) throws -> [CompleteInbound] {
        try database.inboundReadyToForward(afterID: afterID, limit: limit)
    }

    func replyAccount(originator: String, simID: Int64, since: Timestamp) throws -> String? {
        try database.replyAccount(originator: originator, simID: simID, since: since)
    }

    /// A message's dlr-url and the values of its placeholders (Kannel callbacks).
    func kannelCallback(forMessage id: Int64) throws -> KannelCallbackSource? { try database.kannelCallback(forMessage: id) }

    func simIdentity(_ simID: Int64) throws -> (iccid: String, msisdn: String?)? { try database.simIdentity(simID) }

    func forwardInbound(_ id: Int64, account: String, payload: [UInt8], now: Timestamp) throws -> Int64 {
        try database.forwardInbound(id, account: account, payload: payload, now: now)
    }
}
