import GatewayCore
import GatewayConfig

/// Who is calling the HTTP API: `Authorization: Bearer <key>` (RFC 6750 §2.1) against every
/// account's `http.api_keys` (looked up by the key's SHA-256, the form they are stored in),
/// and Kannel-style sendsms `user`/`password` against `http.user`/`http.password`. A password
/// that verified once is remembered by its SHA-256 (a yescrypt check costs ~20 ms and
/// sendsms sends it with every message), never in clear, as `BindAuthenticator` does,
/// with the hash it matched (a changed password invalidates it).
actor HTTPAuthenticator {
    enum Outcome: Sendable, Equatable {
        case account(UpstreamAccount)
        /// Nothing or a wrong secret: 401 (sendsms: 403).
        case unknown
        /// A right secret of a disabled account: 403.
        case disabled(String)
    }

    /// The accounts in force (a reload replaces them: the next request sees the new keys).
    private let book: AccountBook
    private var verified: Set<String> = []

    init(book: AccountBook) {
        self.book = book
    }

    init(accounts: [UpstreamAccount]) {
        self.init(book: AccountBook(accounts: accounts))
    }

    /// The account whose API key is in the `Authorization` header value.
    nonisolated func account(authorization: String?) -> Outcome {
        guard let authorization, let key = Self.bearerToken(authorization) else { return .unknown }
        guard let account = book.current.byKeyHash[APIKeyHash.prefix + SHA256.hexDigest(of: key)] else { return .unknown }
        return account.enabled ? .account(account) : .disabled(account.id)
    }

    /// The account of a sendsms user, when `password` is its password.
    func account(user: String, password: String) -> Outcome {
        guard let account = book.current.byUser[user], let hash = account.http?.password else { return .unknown }
        let key = user + "\u{0}" + hash.encoded + "\u{0}" + SHA256.hexDigest(of: password)
        if !verified.contains(key) {
            guard hash.verify(password) else { return .unknown }
            verified.insert(key)
        }
        return account.enabled ? .account(account) : .disabled(account.id)
    }

    /// The token of `Bearer <token>` (the scheme is case-insensitive, RFC 9110 §11.1).
    static func bearerToken(_ header: String) -> String? {
        let parts = header.trimmingSpaces.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingSpaces
        return token.isEmpty ? nil : token
    }
}
