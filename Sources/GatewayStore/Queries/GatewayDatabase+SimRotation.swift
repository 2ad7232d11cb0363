import GatewayCore

/// SIM inventory and state (migration 9). Writer: `smsgw-simd`; every state change appends a
/// `sim_events` row in the same transaction.
extension GatewayDatabase {
    enum SimRotationSQL {
        static let columns = "sim, sim_id, state, since, reason, evidence, cooling_until, last_rotation_at, on_air_since, per_hour, per_day, per_month"
        static let all = "SELECT \(columns) FROM sim_states ORDER BY sim"
        static let one = "SELECT \(columns) FROM sim_states WHERE sim = ?"
        static let upsert = """
            INSERT INTO sim_states (\(columns), updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sim) DO UPDATE SET sim_id = excluded.sim_id, state = excluded.state, since = excluded.since,
                reason = excluded.reason, evidence = excluded.evidence, cooling_until = excluded.cooling_until,
                last_rotation_at = excluded.last_rotation_at, on_air_since = excluded.on_air_since,
                per_hour = excluded.per_hour, per_day = excluded.per_day, per_month = excluded.per_month, updated_at = excluded.updated_at
            """
        static let event = "INSERT INTO sim_events (sim, at, from_state, to_state, reason, evidence) VALUES (?, ?, ?, ?, ?, ?)"
        static let events = "SELECT sim, at, from_state, to_state, reason, evidence FROM sim_events WHERE sim = ? ORDER BY id"
        static let pause = "INSERT INTO simd_pauses (modem, since, reason) VALUES (?, ?, ?) ON CONFLICT (modem) DO NOTHING"
        static let unpause = "DELETE FROM simd_pauses WHERE modem = ?"
        static let pauses = "SELECT modem FROM simd_pauses ORDER BY modem"
        static let uniqueRecipients = """
            SELECT count(DISTINCT m.destination) FROM attempts a JOIN messages m ON m.id = a.message_id
            WHERE a.sim_id = ? AND a.started_at >= ? AND a.outcome != 'failed'
            """
        static let attemptsSince = "SELECT count(*) FROM attempts WHERE sim_id = ? AND started_at >= ? AND outcome != 'failed'"
        static let recentAttempts = """
            SELECT outcome, error_code, started_at FROM attempts WHERE sim_id = ? AND started_at >= ? AND outcome != 'pending'
            ORDER BY started_at DESC LIMIT ?
            """
        static let recentReports = "SELECT status FROM status_reports WHERE sim_id = ? AND received_at >= ? ORDER BY id DESC LIMIT ?"
        static let identity = "SELECT iccid, imsi, operator FROM sims WHERE id = ?"
    }

    /// Every SIM simd keeps, by configuration id.
    public func simStates() throws -> [SimStateRecord] {
        try connection.query(SimRotationSQL.all, row: Self.simState)
    }

    public func simState(_ sim: String) throws -> SimStateRecord? {
        try connection.queryFirst(SimRotationSQL.one, sim, row: Self.simState)
    }

    /// Writes `record`; when its state differs from the stored one (or there was none) appends
    /// a `sim_events` row with `record.reason` and evidence — one transaction. Returns whether
    /// the state changed.
    @discardableResult
    public func saveSimState(_ record: SimStateRecord, now: Timestamp) throws -> Bool {
        try connection.transaction {
            let previous = try connection.queryFirst(SimRotationSQL.one, record.sim, row: Self.simState)
            try connection.run(SimRotationSQL.upsert, record.sim, record.simID, record.state.rawValue,
                               record.since.millisecondsSince1970, record.reason, record.evidence,
                               record.coolingUntil?.millisecondsSince1970, record.lastRotationAt?.millisecondsSince1970,
                               record.onAirSince?.millisecondsSince1970, record.limits.perHour, record.limits.perDay,
                               record.limits.perMonth, now.millisecondsSince1970)
            guard previous?.state != record.state else { return false }
            try connection.run(SimRotationSQL.event, record.sim, now.millisecondsSince1970, previous?.state.rawValue,
                               record.state.rawValue, record.reason, record.evidence)
            return true
        }
    }

    /// The history of `sim`, oldest first.
    public func simEvents(_ sim: String) throws -> [SimEventRecord] {
        try connection.query(SimRotationSQL.events, sim) { row in
            SimEventRecord(sim: row.text(0), at: Timestamp(millisecondsSince1970: row.int64(1)),
                           from: row.optionalText(2).flatMap(SimRotationState.init(rawValue:)),
                           to: SimRotationState(rawValue: row.text(3)) ?? .standby, reason: row.text(4), evidence: row.optionalText(5))
        }
    }

    /// Records that simd paused `modem` in queued (kept until `recordResume`).
    public func recordPause(modem: String, reason: String, now: Timestamp) throws {
        _ = try connection.run(SimRotationSQL.pause, modem, now.millisecondsSince1970, reason)
    }

    public func recordResume(modem: String) throws {
        _ = try connection.run(SimRotationSQL.unpause, modem)
    }

    /// Modems simd paused and has not resumed (a restart resumes them).
    public func simdPausedModems() throws -> [String] {
        try connection.query(SimRotationSQL.pauses) { $0.text(0) }
    }

    /// Distinct recipients of attempts through `simID` started at or after `since` (failed ones
    /// left out); index `attempts_by_sim`.
    public func uniqueRecipients(simID: Int64, since: Timestamp) throws -> Int {
        try connection.queryFirst(SimRotationSQL.uniqueRecipients, simID, since.millisecondsSince1970) { $0.int(0) } ?? 0
    }

    /// Attempts through `simID` started at or after `since`, failed ones left out (a stint's count).
    public func attemptCount(simID: Int64, since: Timestamp) throws -> Int {
        try connection.queryFirst(SimRotationSQL.attemptsSince, simID, since.millisecondsSince1970) { $0.int(0) } ?? 0
    }

    /// The latest `limit` finished attempts through `simID` started at or after `since`, newest first.
    public func recentAttemptOutcomes(simID: Int64, since: Timestamp = Timestamp(millisecondsSince1970: 0),
                                      limit: Int) throws -> [SimAttemptOutcome] {
        try connection.query(SimRotationSQL.recentAttempts, simID, since.millisecondsSince1970, limit) { row in
            SimAttemptOutcome(outcome: row.text(0), errorCode: row.optionalInt(1),
                              startedAt: Timestamp(millisecondsSince1970: row.int64(2)))
        }
    }

    /// TP-ST of the latest `limit` status reports of `simID` received at or after `since`, newest first.
    public func recentReportStatuses(simID: Int64, since: Timestamp = Timestamp(millisecondsSince1970: 0),
                                     limit: Int) throws -> [Int] {
        try connection.query(SimRotationSQL.recentReports, simID, since.millisecondsSince1970, limit) { $0.int(0) }
    }

    /// ICCID, IMSI and operator of the `sims` row `simID` (modemd writes them).
    public func simIdentity(simID: Int64) throws -> (iccid: String, imsi: String?, operatorName: String?)? {
        try connection.queryFirst(SimRotationSQL.identity, simID) { ($0.text(0), $0.optionalText(1), $0.optionalText(2)) }
    }

    private static func simState(_ row: SQLiteRow) -> SimStateRecord {
        SimStateRecord(
            sim: row.text(0), simID: row.optionalInt64(1), state: SimRotationState(rawValue: row.text(2)) ?? .standby,
            since: Timestamp(millisecondsSince1970: row.int64(3)), reason: row.text(4), evidence: row.optionalText(5),
            coolingUntil: row.optionalInt64(6).map(Timestamp.init(millisecondsSince1970:)),
            lastRotationAt: row.optionalInt64(7).map(Timestamp.init(millisecondsSince1970:)),
            onAirSince: row.optionalInt64(8).map(Timestamp.init(millisecondsSince1970:)),
            limits: ManualLimits(perHour: row.optionalInt(9), perDay: row.optionalInt(10), perMonth: row.optionalInt(11)))
    }
}
