import GatewayCore
import GatewayStore
import Logging

/// MO forwarding (docs/architecture.md, "Data flow: a message in"): complete (or abandoned) inbound messages go into the
/// upstream outbox for the account they belong to. A reply — an inbound message from a number
/// that got an MT from the same SIM within `[inbound] reply_window` — goes to the account that
/// sent that MT; anything else to `[inbound] default_account`. With neither, the message stays
/// in the store (forward_state pending, listed by the HTTP API), logged once.
struct InboundForwarder: Sendable {
    let store: OutboxStore
    var settings: InboundSettings
    let logger: Logger
    /// Accounts that exist and are enabled (a reply to a removed account goes to the default).
    var accounts: Set<String>
    private let cursor = ForwardCursor()

    init(store: OutboxStore, settings: InboundSettings, accounts: Set<String>, logger: Logger) {
        (self.store, self.settings, self.accounts, self.logger) = (store, settings, accounts, logger)
    }

    /// Forwards what is ready; how many entries it queued.
    func forwardReady(now: Timestamp, limit: Int = 100) async throws -> Int {
        var queued = 0
        let batch = try await store.inboundReady(afterID: await cursor.start(now: now), limit: limit)
        await cursor.reached(batch.last?.id, end: batch.count < limit, now: now)
        for inbound in batch {
            guard let account = try await account(for: inbound, now: now) else {
                if await cursor.firstTime(inbound.id) {
                    logger.notice("inbound message has no account: it stays in the store (set [inbound] default_account)",
                                  metadata: ["inbound": "\(inbound.id)", "originator": "\(inbound.originator)"])
                }
                continue
            }
            var identity: (iccid: String, msisdn: String?)?
            if let sim = inbound.simID { identity = try await store.simIdentity(sim) }
            let payload = InboundPayload(
                inboundID: inbound.id, originator: inbound.originator, simID: inbound.simID, iccid: identity?.iccid,
                msisdn: identity?.msisdn, text: inbound.text, receivedAt: inbound.completedAt, complete: inbound.isComplete)
            let entry = try await store.forwardInbound(inbound.id, account: account, payload: payload.jsonOctets, now: now)
            logger.info("inbound message queued upstream",
                        metadata: ["inbound": "\(inbound.id)", "account": "\(account)", "outbox": "\(entry)"])
            queued += 1
        }
        return queued
    }

    /// The reply's account, else the default one, else nil.
    func account(for inbound: CompleteInbound, now: Timestamp) async throws -> String? {
        if let sim = inbound.simID, let replied = try await store.replyAccount(
            originator: inbound.originator, simID: sim, since: now - settings.replyWindow), accounts.contains(replied) {
            return replied
        }
        return settings.defaultAccount.flatMap { accounts.contains($0) ? $0 : nil }
    }
}

/// Where the sweep walks: on from the last message it looked at, so messages left pending (no
/// account) do not hide newer ones; back to the start at most once a minute (a multi-part
/// message can complete after a newer one was looked at). Also: ids already logged as unrouted.
private actor ForwardCursor {
    private var after: Int64 = 0
    private var lastRestart = Timestamp(millisecondsSince1970: 0)
    private var logged: Set<Int64> = []

    func start(now: Timestamp) -> Int64 { after }

    func reached(_ last: Int64?, end: Bool, now: Timestamp) {
        if let last { after = last }
        if end, now.millisecondsSince1970 - lastRestart.millisecondsSince1970 >= 60_000 {
            after = 0
            lastRestart = now
        }
    }

    func firstTime(_ id: Int64) -> Bool { logged.insert(id).inserted }
}
