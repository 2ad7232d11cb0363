import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore

/// The test-only clock shift every daemon of the box reads (`SMSGW_CLOCK_OFFSET_FILE`,
/// GatewayDaemon `WallClock`): tests move the box's time past local midnight instead of sleeping.
enum WallClockFile {
    static let variable = "SMSGW_CLOCK_OFFSET_FILE"
}

extension QueuedBox {
    /// Shifts the daemons' wall clock by `seconds` from the real one (seen within 200 ms).
    func setClockOffset(_ seconds: Int64) throws {
        try "\(seconds)\n".write(toFile: clockOffsetPath, atomically: true, encoding: .utf8)
    }

    /// Accepts `messages` at the box's time `now` (not the real one), as ingress on the box would.
    @discardableResult
    func accept(_ messages: [NewMessage], at now: Timestamp) throws -> [Int64] {
        let ids = try database().accept(messages, now: now)
        Wakeup.send(to: "\(runtime)/queued.wake")
        return ids
    }

    /// The real time now, in whole seconds since 1970.
    static var realSeconds: Int64 { Int64(Date().timeIntervalSince1970) }

    /// `[[sims]]` for `slots` slots of modems m1…mN: ids `m1-a`, `m1-b`, …, in group `default`.
    static func slotSIMs(modems: Int, slots: Int, limits: String, group: String = "") -> String {
        var text = "[[sim_groups]]\nid = \"default\"\n\(group)\n\n"
        let letters = ["a", "b", "c", "d", "e", "f", "g", "h"]
        for modem in 1...modems {
            for slot in 0..<slots {
                text += """
                    [[sims]]
                    id = "m\(modem)-\(letters[slot])"
                    modem = "m\(modem)"
                    slot = \(slot)
                    groups = ["default"]
                    \(limits)

                    """
            }
        }
        return text
    }

    static func slotKeys(_ slots: Int) -> String {
        "slots = \(slots)\nslot_select = { method = \"at\", command = \"AT+CSDS={slot}\" }"
    }

    /// Sent per configured SIM in the day window starting at `dayStart` (ms), queued's counters.
    func sent(inDayStarting dayStart: Int64) throws -> [String: Int] {
        let rows = try database().connection.query("""
            SELECT st.sim, coalesce(sum(c.sent), 0) FROM sim_states st
            LEFT JOIN sim_counters c ON c.sim_id = st.sim_id AND c.period = 'day' AND c.period_start = ?
            GROUP BY st.sim ORDER BY st.sim
            """, dayStart) { ($0.text(0), $0.int(1)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
