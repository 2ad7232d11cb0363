import FoundationEssentials
import GatewayCore
import GatewayIPC
import GatewayStore

extension StatusEscalation {
    init(_ record: EscalationRecord) {
        self.init(at: Self.rfc3339(record.at), subject: record.subject, step: record.step, pid: record.pid,
                  reason: record.reason, outcome: record.outcome)
    }

    /// `2026-11-29T21:40:01Z` (RFC 3339 §5.6, UTC, whole seconds).
    static func rfc3339(_ time: Timestamp) -> String {
        let seconds = Double(time.millisecondsSince1970 / 1000)
        return Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}

/// The escalation history `status` reads from the store itself (not through watchdogd: the
/// history is worth seeing most when watchdogd is not running).
enum EscalationHistory {
    /// How many of the newest rows `status` shows.
    static let shown = 5

    /// The newest `limit` rows, newest first; empty when there is no store at `storePath` yet
    /// (a box that never ran here).
    static func read(storePath: String, limit: Int = shown) throws -> [StatusEscalation] {
        guard FileManager.default.fileExists(atPath: storePath) else { return [] }
        let database = try GatewayDatabase.reading(path: storePath)
        defer { database.close() }
        return try database.escalations(limit: limit).map(StatusEscalation.init)
    }
}
