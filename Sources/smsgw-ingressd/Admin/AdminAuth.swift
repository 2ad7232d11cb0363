import GatewayCore
import GatewayDaemon
import GatewayConfig

/// Who may use the web page: the one login of `[listeners.admin]` (user + crypt(3) hash, as
/// the HTTP API's Kannel-style passwords are checked), the sessions it opened, and the
/// failures per address (the SMPP bind rule: from the 5th failure within a minute, each
/// attempt waits, doubling up to 5 s). A saved file with a new hash takes effect at once.
actor AdminAuth {
    /// What the box ships with; the page asks to change it while it still verifies.
    static let shippedPassword = "admin"

    private var user: String
    private var hash: PasswordHash
    private var hashIsShipped: Bool
    private var sessions = AdminSessionTable()
    private let failures = BindFailureGuard()
    private let now: @Sendable () -> Timestamp

    init(admin: AdminListener, now: @escaping @Sendable () -> Timestamp = { .wallClock }) {
        user = admin.user
        hash = admin.password
        hashIsShipped = admin.password.verify(Self.shippedPassword)
        self.now = now
    }

    /// Whether the password is still the shipped one.
    var usesShippedPassword: Bool { hashIsShipped }

    /// A new session (its cookie token and CSRF token) when `user`/`password` are right; nil
    /// after a wait when they are not (the wait grows with failures from `address`).
    func logIn(user candidate: String, password: String, from address: String) async -> AdminSessionTable.Session.Opened? {
        let delay = await failures.delay(for: address)
        if delay > .zero { try? await Task.sleep(for: delay) }
        let userMatches = ConstantTime.equal(Array(candidate.utf8), Array(user.utf8))
        // The hash is checked even for a wrong user, so timing does not tell users apart.
        let passwordMatches = hash.verify(password)
        guard userMatches && passwordMatches else {
            await failures.failed(address)
            return nil
        }
        let opened = AdminSessionTable.Session.Opened(token: SessionToken.make(), csrf: SessionToken.make())
        sessions.open(token: opened.token, csrf: opened.csrf, now: now())
        return opened
    }

    /// The CSRF token of a live session, which is now marked used.
    func session(token: String) -> String? {
        sessions.use(token: token, now: now())?.csrf
    }

    func logOut(token: String) { sessions.close(token: token) }

    /// A saved or reloaded file's `[listeners.admin]`: a changed login ends every other session.
    func take(_ admin: AdminListener, keeping token: String? = nil) {
        if admin.password != hash || admin.user != user { sessions.closeAll(except: token) }
        if admin.password != hash { hashIsShipped = admin.password.verify(Self.shippedPassword) }
        user = admin.user
        hash = admin.password
    }
}

extension AdminSessionTable.Session {
    /// A session just opened: the cookie's token and the form token.
    struct Opened: Sendable, Equatable {
        var token: String
        var csrf: String
    }
}
