import GatewayCore
import Synchronization
import Webhooks

/// The upstream accounts as the configuration says now, indexed the ways ingress looks them up:
/// by id, SMPP system_id, API key hash, sendsms user; with their webhook targets and sendsms
/// user names. A reload replaces the whole index at once (docs/configuration.md, "Reloading"):
/// every bind, request and upstream delivery after that sees the new accounts. Pure.
struct AccountIndex: Sendable {
    let byID: [String: UpstreamAccount]
    let bySystemID: [String: UpstreamAccount]
    /// By `APIKeyHash.encoded` (the form keys are stored in).
    let byKeyHash: [String: UpstreamAccount]
    let byUser: [String: UpstreamAccount]
    /// Enabled accounts' webhooks.
    let webhooks: [String: WebhookTarget]
    /// Each account's sendsms user (Kannel's `%n`).
    let usernames: [String: String]

    init(_ accounts: [UpstreamAccount]) {
        var byID: [String: UpstreamAccount] = [:], bySystemID: [String: UpstreamAccount] = [:]
        var byKeyHash: [String: UpstreamAccount] = [:], byUser: [String: UpstreamAccount] = [:]
        for account in accounts {
            byID[account.id] = byID[account.id] ?? account
            if let smpp = account.smpp { bySystemID[smpp.systemID] = account }
            guard let http = account.http else { continue }
            for key in http.apiKeys { byKeyHash[key.encoded] = account }
            if let user = http.user { byUser[user] = account }
        }
        (self.byID, self.bySystemID, self.byKeyHash, self.byUser) = (byID, bySystemID, byKeyHash, byUser)
        webhooks = WebhookTarget.targets(of: accounts)
        usernames = byID.compactMapValues { $0.http?.user }
    }

    /// The ids of the accounts that exist and are enabled.
    var enabledIDs: Set<String> { Set(byID.values.filter(\.enabled).map(\.id)) }

    /// Whether an SMPP session bound as `bound` loses its access under this index: the account
    /// is gone, disabled, has no SMPP credentials any more, or another system_id or password.
    /// Any other change (throughput, window, classes, webhook…) is followed by the session.
    func revokes(_ bound: UpstreamAccount) -> Bool {
        guard let now = byID[bound.id], now.enabled, let smpp = now.smpp, let before = bound.smpp else { return true }
        return smpp.systemID != before.systemID || smpp.password != before.password
    }
}

/// The one `AccountIndex` every part of ingress reads (a lock, not an actor: read on every
/// submit, replaced only on a reload).
final class AccountBook: Sendable {
    private let index: Mutex<AccountIndex>

    init(accounts: [UpstreamAccount]) {
        index = Mutex(AccountIndex(accounts))
    }

    var current: AccountIndex { index.withLock { $0 } }

    /// The account `account` is now (a session follows its account's new limits), or nil when
    /// it is gone.
    func refreshed(_ account: UpstreamAccount) -> UpstreamAccount? {
        index.withLock { $0.byID[account.id] }
    }

    /// Puts `accounts` in force; the index they replace.
    @discardableResult
    func replace(with accounts: [UpstreamAccount]) -> AccountIndex {
        let new = AccountIndex(accounts)
        return index.withLock { current in
            let old = current
            current = new
            return old
        }
    }
}
