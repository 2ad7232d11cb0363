import GatewayCore

/// smsgw-watchdogd's tables (migration 12). Writer: smsgw-watchdogd; readers: `smsgwctl status`
/// and the web page (docs/store.md, "Health snapshot").
extension GatewayDatabase {
    enum HealthSQL {
        static let columns = """
            subject, state, detail, pid, restarts_last_hour, last_escalation, last_escalation_at, last_escalation_reason,
            disk_free_bytes, memory_available_bytes, store_writable, integrity, integrity_checked_at, hardware_feeding, checked_at
            """
        static let upsert = """
            INSERT INTO watchdog_health (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (subject) DO UPDATE SET state = excluded.state, detail = excluded.detail, pid = excluded.pid,
                restarts_last_hour = excluded.restarts_last_hour, last_escalation = excluded.last_escalation,
                last_escalation_at = excluded.last_escalation_at, last_escalation_reason = excluded.last_escalation_reason,
                disk_free_bytes = excluded.disk_free_bytes, memory_available_bytes = excluded.memory_available_bytes,
                store_writable = excluded.store_writable, integrity = excluded.integrity,
                integrity_checked_at = excluded.integrity_checked_at, hardware_feeding = excluded.hardware_feeding,
                checked_at = excluded.checked_at
            """
        static let all = "SELECT \(columns) FROM watchdog_health ORDER BY subject"
        static let escalate = "INSERT INTO watchdog_escalations (at, subject, step, pid, reason, outcome) VALUES (?, ?, ?, ?, ?, ?)"
        static let escalations = "SELECT at, subject, step, pid, reason, outcome FROM watchdog_escalations ORDER BY id DESC LIMIT ?"
        static let probe = """
            INSERT INTO watchdog_probe (id, written_at) VALUES (1, ?)
            ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at
            """
    }

    /// Replaces the rows of `records`' subjects, in one transaction.
    public func saveHealth(_ records: [HealthRecord]) throws {
        try connection.transaction {
            for record in records {
                try connection.run(HealthSQL.upsert, arguments: [
                    record.subject, record.state, record.detail, record.pid.map(Int64.init), record.restartsLastHour,
                    record.lastEscalation, record.lastEscalationAt?.millisecondsSince1970, record.lastEscalationReason,
                    record.diskFreeBytes, record.memoryAvailableBytes, record.storeWritable, record.integrity,
                    record.integrityCheckedAt?.millisecondsSince1970, record.hardwareFeeding,
                    record.checkedAt.millisecondsSince1970,
                ])
            }
        }
    }

    /// The latest health of the box, each daemon and each modem (empty before smsgw-watchdogd
    /// first wrote). One indexed read of a table of a few dozen rows.
    public func healthSnapshot() throws -> HealthSnapshot {
        let rows = try connection.query(HealthSQL.all) { row in
            HealthRecord(
                subject: row.text(0), state: row.text(1), detail: row.text(2), pid: row.optionalInt64(3).map { Int32(truncatingIfNeeded: $0) },
                restartsLastHour: row.int(4), lastEscalation: row.optionalText(5),
                lastEscalationAt: row.optionalInt64(6).map(Timestamp.init(millisecondsSince1970:)),
                lastEscalationReason: row.optionalText(7), diskFreeBytes: row.optionalInt64(8),
                memoryAvailableBytes: row.optionalInt64(9), storeWritable: row.isNull(10) ? nil : row.bool(10),
                integrity: row.optionalText(11), integrityCheckedAt: row.optionalInt64(12).map(Timestamp.init(millisecondsSince1970:)),
                hardwareFeeding: row.isNull(13) ? nil : row.bool(13),
                checkedAt: Timestamp(millisecondsSince1970: row.int64(14)))
        }
        return HealthSnapshot(box: rows.first { $0.subject == "box" },
                              daemons: rows.filter { $0.subject != "box" && !$0.subject.hasPrefix("modem:") },
                              modems: rows.filter { $0.subject.hasPrefix("modem:") })
    }

    /// Appends one rung climbed to `watchdog_escalations`.
    public func recordEscalation(_ record: EscalationRecord) throws {
        try connection.run(HealthSQL.escalate, record.at.millisecondsSince1970, record.subject, record.step,
                           record.pid.map(Int64.init), record.reason, record.outcome)
    }

    /// The newest `limit` escalations, newest first.
    public func escalations(limit: Int = 50) throws -> [EscalationRecord] {
        try connection.query(HealthSQL.escalations, limit) { row in
            EscalationRecord(at: Timestamp(millisecondsSince1970: row.int64(0)), subject: row.text(1), step: row.text(2),
                             pid: row.optionalInt64(3).map { Int32(truncatingIfNeeded: $0) }, reason: row.text(4),
                             outcome: row.text(5))
        }
    }

    /// The writability probe: one tiny durable write (a row rewritten in place).
    public func probeWrite(now: Timestamp) throws {
        _ = try connection.run(HealthSQL.probe, now.millisecondsSince1970)
    }

    /// `PRAGMA quick_check` (https://sqlite.org/pragma.html#pragma_quick_check): "ok", or the
    /// first problems it lists joined by "; ".
    public func quickCheck() throws -> String {
        let lines = try connection.query("PRAGMA quick_check(5)") { $0.text(0) }
        return lines.joined(separator: "; ")
    }
}
