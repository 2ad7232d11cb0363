import Foundation
import GatewayCore
import GatewayStore

/// When a test killed a daemon: from just before the signal to the moment the process was
/// reaped, on the wall clock the daemons stamp attempts with.
struct KillWindow: CustomStringConvertible {
    var daemon: String
    var before: Timestamp
    var after: Timestamp

    static var now: Timestamp { Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000)) }

    /// Kills with `kill`, stamping the window around it.
    static func around(_ daemon: String, _ kill: () async throws -> Void) async rethrows -> KillWindow {
        let before = now
        try await kill()
        return KillWindow(daemon: daemon, before: before, after: now)
    }

    /// The same for a synchronous test.
    static func around(_ daemon: String, _ kill: () throws -> Void) rethrows -> KillWindow {
        let before = now
        try kill()
        return KillWindow(daemon: daemon, before: before, after: now)
    }

    var description: String { "\(daemon) killed \(before.millisecondsSince1970)…\(after.millisecondsSince1970)" }

    /// An attempt the kill cut: it started before the process was gone and ended (was marked
    /// `unknown`) after the signal.
    func cut(_ attempt: UnknownAttempt) -> Bool { attempt.started <= after && attempt.finished >= before }
}

/// An attempt the store marked `unknown`, with when it started and ended.
struct UnknownAttempt: CustomStringConvertible {
    var id: Int64
    var message: Int64
    var started: Timestamp
    var finished: Timestamp

    var description: String { "attempt \(id) of message \(message) \(started.millisecondsSince1970)…\(finished.millisecondsSince1970)" }

    static func all(in database: GatewayDatabase) throws -> [UnknownAttempt] {
        try database.connection.query(
            "SELECT id, message_id, started_at, finished_at FROM attempts WHERE outcome = 'unknown' ORDER BY id") { row in
            UnknownAttempt(id: row.int64(0), message: row.int64(1), started: Timestamp(millisecondsSince1970: row.int64(2)),
                           finished: Timestamp(millisecondsSince1970: row.int64(3)))
        }
    }

    /// What breaks "an attempt ends `unknown` only when a kill cut it, and each kill cuts at most
    /// what was in flight then (`inFlightPerKill`: modems × sends in flight per modem)".
    static func problems(_ attempts: [UnknownAttempt], kills: [KillWindow], inFlightPerKill: Int) -> [String] {
        var problems: [String] = []
        var perKill = Array(repeating: 0, count: kills.count)
        for attempt in attempts {
            guard let kill = kills.firstIndex(where: { $0.cut(attempt) }) else {
                problems.append("\(attempt) is unknown but no kill cut it (\(kills))")
                continue
            }
            perKill[kill] += 1
        }
        for (kill, count) in zip(kills, perKill) where count > inFlightPerKill {
            problems.append("\(kill) cut \(count) attempts; at most \(inFlightPerKill) can be in flight")
        }
        return problems
    }
}
