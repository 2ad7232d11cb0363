import GatewayCore

/// Checks bind credentials (SMPP 3.4 §4.1) against the configured accounts and counts binds
/// per account (`max_binds`). A password that verified once is remembered by its SHA-256 (a
/// yescrypt check costs ~20 ms; a busy platform rebinds often), never in clear.
actor BindAuthenticator {
    private let accounts: [String: UpstreamAccount]
    private var verified: Set<String> = []
    private var binds: [String: Int] = [:]

    init(accounts: [UpstreamAccount]) {
        var bySystemID: [String: UpstreamAccount] = [:]
        for account in accounts { if let smpp = account.smpp { bySystemID[smpp.systemID] = account } }
        self.accounts = bySystemID
    }

    /// The account bound, or nil (ESME_RBINDFAIL: unknown system_id, wrong password, disabled
    /// account, or max_binds reached). A success must be paired with `release`.
    func bind(systemID: String, password: String) -> UpstreamAccount? {
        guard let account = accounts[systemID], account.enabled, let smpp = account.smpp else { return nil }
        let key = systemID + "\u{0}" + SHA256.hexDigest(of: password)
        if !verified.contains(key) {
            guard smpp.password.verify(password) else { return nil }
            verified.insert(key)
        }
        let current = binds[account.id, default: 0]
        guard current < account.maxBinds else { return nil }
        binds[account.id] = current + 1
        return account
    }

    func release(accountID: String) {
        binds[accountID, default: 1] -= 1
    }
}
