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

/// What became of one claimed outbox entry (see ``GatewayDatabase/settleOutbox(_:now:)``).
public enum OutboxOutcome: Sendable, Hashable {
    /// Upstream took it.
    case done(Int64)
    /// Try again at `at`.
    case retry(Int64, at: Timestamp, error: String)
    /// Never again (given up or refused for good).
    case dead(Int64, error: String)
    /// No way upstream now: held until `until` or a release, its attempt given back.
    case held(Int64, until: Timestamp)
}

extension GatewayDatabase {
    /// Records the outcomes of a batch of claimed entries in ONE transaction (a DLR storm after an
    /// outage costs one fsync per batch, not one per entry). An entry no longer pending (settled
    /// by another claimer after its lease ran out) is skipped; returns how many were recorded.
    @discardableResult
    public func settleOutbox(_ outcomes: [OutboxOutcome], now: Timestamp) throws -> Int {
        guard !outcomes.isEmpty else { return 0 }
        return try connection.transaction {
            var recorded = 0
            for outcome in outcomes {
                let changed = switch outcome {
                case .done(let id):
                    try connection.run(OutboxSQL.complete, now.millisecondsSince1970, id)
                case .retry(let id, let at, let error):
                    try connection.run(OutboxSQL.retry, at.millisecondsSince1970, error, id)
                case .dead(let id, let error):
                    try connection.run(OutboxSQL.giveUp, now.millisecondsSince1970, error, id)
                case .held(let id, let until):
                    try connection.run(OutboxHoldSQL.hold, until.millisecondsSince1970, Self.heldMarker, id)
                }
                recorded += changed
            }
            return recorded
        }
    }
}
