import GatewayCore
import GatewayConfig

/// Checks bind credentials (SMPP 3.4 §4.1) against the accounts in force (`AccountBook`),
/// counts binds per account (`max_binds`) and knows every bound session, so a reload that takes
/// an account's access away can unbind them (`revoke(under:)`). A password that verified once is
/// remembered by its SHA-256 together with the hash it matched (a yescrypt check costs ~20 ms;
/// a busy platform rebinds often), never in clear; a new password hash invalidates it.
actor BindAuthenticator {
    private let book: AccountBook
    private var verified: Set<String> = []
    private var binds: [String: Int] = [:]
    /// Bound sessions: the account as it was at bind time, and the session.
    private var sessions: [ObjectIdentifier: (account: UpstreamAccount, link: SessionLink)] = [:]

    init(book: AccountBook) {
        self.book = book
    }

    init(accounts: [UpstreamAccount]) {
        self.init(book: AccountBook(accounts: accounts))
    }

    /// The account bound, or nil (ESME_RBINDFAIL: unknown system_id, wrong password, disabled
    /// account, or max_binds reached). A success must be paired with `release`.
    func bind(systemID: String, password: String, link: SessionLink? = nil) -> UpstreamAccount? {
        guard let account = book.current.bySystemID[systemID], account.enabled, let smpp = account.smpp else { return nil }
        let key = systemID + "\u{0}" + smpp.password.encoded + "\u{0}" + SHA256.hexDigest(of: password)
        if !verified.contains(key) {
            guard smpp.password.verify(password) else { return nil }
            verified.insert(key)
        }
        let current = binds[account.id, default: 0]
        guard current < account.maxBinds else { return nil }
        binds[account.id] = current + 1
        if let link { sessions[ObjectIdentifier(link)] = (account, link) }
        return account
    }

    func release(accountID: String, link: SessionLink? = nil) {
        binds[accountID, default: 1] -= 1
        if let link { sessions[ObjectIdentifier(link)] = nil }
    }

    /// Marks revoked every bound session whose account `index` takes access from (gone,
    /// disabled, other system_id or password): their health monitors unbind and close them.
    /// The ids of the accounts concerned, with how many sessions each.
    func revoke(under index: AccountIndex) -> [String: Int] {
        var revoked: [String: Int] = [:]
        for (key, session) in sessions where index.revokes(session.account) {
            session.link.revoked.store(true, ordering: .relaxed)
            revoked[session.account.id, default: 0] += 1
            sessions[key] = nil
        }
        verified = []
        return revoked
    }

    /// How many sessions are bound now, per account.
    var boundCounts: [String: Int] { binds.filter { $0.value > 0 } }
}
