import FoundationEssentials
import GatewayCore
import GatewayStore

/// One rung smsgw-watchdogd climbed, as `smsgwctl status` shows it: a row of
/// `watchdog_escalations` (docs/store.md, docs/watchdogd.md "The ladder").
struct StatusEscalation: Codable, Equatable {
    /// When, RFC 3339 in UTC to the second.
    var at: String
    /// `modemd`, `queued`, `simd`, `ingressd`, `modem:<id>` or `box`.
    var subject: String
    /// `recover`, `terminate`, `kill`, `power_cycle`, `stop_feeding`.
    var step: String
    var pid: Int32?
    var reason: String
    var outcome: String

    init(at: String, subject: String, step: String, pid: Int32?, reason: String, outcome: String) {
        self.at = at
        self.subject = subject
        self.step = step
        self.pid = pid
        self.reason = reason
        self.outcome = outcome
    }

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
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let database = try GatewayDatabase(path: storePath, busyTimeoutMilliseconds: 2_000, now: now)
        defer { database.close() }
        return try database.escalations(limit: limit).map(StatusEscalation.init)
    }
}
