import GatewayCore

/// The web page's logins, in memory (a restart logs everyone out): a random session token
/// (the cookie) → the session's CSRF token and when it was last used. A session unused for
/// `idleExpiry` is gone; at most `capacity` live at once (the oldest makes room). Pure: time
/// is an input, tokens are made by the caller.
struct AdminSessionTable: Sendable {
    struct Session: Sendable, Equatable {
        /// What every POST of this session must carry (OWASP "synchronizer token pattern").
        var csrf: String
        var lastUsed: Timestamp
    }

    static let idleExpiry: Duration = .seconds(30 * 60)
    static let capacity = 32

    private var sessions: [String: Session] = [:]

    var count: Int { sessions.count }

    mutating func open(token: String, csrf: String, now: Timestamp) {
        sessions = sessions.filter { !Self.expired($0.value, now: now) }
        if sessions.count >= Self.capacity, let oldest = sessions.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            sessions[oldest.key] = nil
        }
        sessions[token] = Session(csrf: csrf, lastUsed: now)
    }

    /// The live session of `token`, now marked used; nil when unknown or idle too long.
    mutating func use(token: String, now: Timestamp) -> Session? {
        guard var session = sessions[token] else { return nil }
        guard !Self.expired(session, now: now) else {
            sessions[token] = nil
            return nil
        }
        session.lastUsed = now
        sessions[token] = session
        return session
    }

    mutating func close(token: String) { sessions[token] = nil }

    /// Every session ends (the password changed: other browsers must log in again).
    mutating func closeAll(except token: String? = nil) {
        sessions = sessions.filter { $0.key == token }
    }

    private static func expired(_ session: Session, now: Timestamp) -> Bool {
        !(session.lastUsed + idleExpiry > now)
    }
}
