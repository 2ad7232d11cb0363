import GatewayCore

/// What simd keeps across restarts besides a SIM's state (migration 11): the thresholds of a
/// stint, registration losses, and USSD balances. Writer: `smsgw-simd`.
extension GatewayDatabase {
    enum SimEvidenceSQL {
        static let saveStint = """
            INSERT INTO sim_stints (sim, since, message_limit, duration_ms) VALUES (?, ?, ?, ?)
            ON CONFLICT (sim) DO UPDATE SET since = excluded.since, message_limit = excluded.message_limit,
                duration_ms = excluded.duration_ms
            """
        static let stints = "SELECT sim, since, message_limit, duration_ms FROM sim_stints ORDER BY sim"
        static let dropStint = "DELETE FROM sim_stints WHERE sim = ?"
        static let loss = "INSERT INTO sim_registration_losses (sim, at, registration) VALUES (?, ?, ?)"
        static let losses = "SELECT at FROM sim_registration_losses WHERE sim = ? AND at >= ? ORDER BY at"
        static let pruneLosses = "DELETE FROM sim_registration_losses WHERE at < ?"
        static let saveBalance = """
            INSERT INTO sim_balances (sim, text, amount, checked_at, attempted_at, error) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (sim) DO UPDATE SET text = excluded.text, amount = excluded.amount, checked_at = excluded.checked_at,
                attempted_at = excluded.attempted_at, error = excluded.error
            """
        static let balances = "SELECT sim, text, amount, checked_at, attempted_at, error FROM sim_balances ORDER BY sim"
    }

    /// Keeps the thresholds drawn for `stint.sim`'s stint (one per SIM: replaces the last).
    public func saveStint(_ stint: SimStintRecord) throws {
        _ = try connection.run(SimEvidenceSQL.saveStint, stint.sim, stint.since.millisecondsSince1970, stint.messageLimit,
                               stint.duration?.milliseconds)
    }

    /// Every stint kept, by SIM.
    public func stints() throws -> [SimStintRecord] {
        try connection.query(SimEvidenceSQL.stints) { row in
            SimStintRecord(sim: row.text(0), since: Timestamp(millisecondsSince1970: row.int64(1)),
                           messageLimit: row.optionalInt(2), duration: row.optionalInt64(3).map { Duration.milliseconds($0) })
        }
    }

    /// Forgets `sim`'s stint (it left the air).
    public func dropStint(sim: String) throws {
        _ = try connection.run(SimEvidenceSQL.dropStint, sim)
    }

    /// Records a loss of registration of `sim` (the `+CREG` `<stat>` it went to).
    public func recordRegistrationLoss(sim: String, registration: Int, at: Timestamp) throws {
        _ = try connection.run(SimEvidenceSQL.loss, sim, at.millisecondsSince1970, registration)
    }

    /// `sim`'s registration losses at or after `since`, oldest first.
    public func registrationLosses(sim: String, since: Timestamp) throws -> [Timestamp] {
        try connection.query(SimEvidenceSQL.losses, sim, since.millisecondsSince1970) { Timestamp(millisecondsSince1970: $0.int64(0)) }
    }

    /// Deletes registration losses older than `before` (evidence looks back one hour).
    public func pruneRegistrationLosses(before: Timestamp) throws {
        _ = try connection.run(SimEvidenceSQL.pruneLosses, before.millisecondsSince1970)
    }

    /// Writes `balance` (one row per SIM: replaces the last).
    public func saveBalance(_ balance: SimBalanceRecord) throws {
        _ = try connection.run(SimEvidenceSQL.saveBalance, balance.sim, balance.text, balance.amount,
                               balance.checkedAt?.millisecondsSince1970, balance.attemptedAt.millisecondsSince1970, balance.error)
    }

    /// Every SIM's latest balance check.
    public func balances() throws -> [SimBalanceRecord] {
        try connection.query(SimEvidenceSQL.balances) { row in
            SimBalanceRecord(sim: row.text(0), text: row.optionalText(1), amount: row.optionalText(2),
                             checkedAt: row.optionalInt64(3).map(Timestamp.init(millisecondsSince1970:)),
                             attemptedAt: Timestamp(millisecondsSince1970: row.int64(4)), error: row.optionalText(5))
        }
    }
}
