import GatewayCore

/// Outbox entries with no way upstream yet (no receiver bound, no webhook): held without
/// spending an attempt, and released at once when a way opens (docs/ingressd.md, "Upstream
/// delivery"). A held entry is pending with `last_error` = `heldMarker` and a far due time.
extension GatewayDatabase {
    /// `last_error` of a held entry.
    public static let heldMarker = "held: no upstream channel"

    enum OutboxHoldSQL {
        /// Gives the claim's attempt back: nothing was tried.
        static let hold = """
            UPDATE upstream_outbox SET next_attempt_at = ?, last_error = ?, attempts = max(attempts - 1, 0)
            WHERE id = ? AND state = 'pending'
            """
        /// Only entries due later than `claimedUntil` (a claimed entry is due at its lease end, so
        /// one being delivered right now is never released into a second claim).
        static let release = """
            UPDATE upstream_outbox SET next_attempt_at = ?
            WHERE state = 'pending' AND account = ? AND last_error = ? AND next_attempt_at > ?
            """
    }

    /// Holds a claimed entry until `until` (or until `releaseHeldOutbox`), its attempt not counted.
    public func holdOutbox(_ id: Int64, until: Timestamp) throws {
        try expectOne(connection.run(OutboxHoldSQL.hold, until.millisecondsSince1970, Self.heldMarker, id),
                      "pending outbox entry", id)
    }

    /// Makes `account`'s held entries due at `now`; entries due before `claimedUntil` are left
    /// alone (pass now + the claim lease). Returns how many were released.
    @discardableResult
    public func releaseHeldOutbox(account: String, now: Timestamp, claimedUntil: Timestamp) throws -> Int {
        try connection.run(OutboxHoldSQL.release, now.millisecondsSince1970, account, Self.heldMarker,
                           claimedUntil.millisecondsSince1970)
    }
}
