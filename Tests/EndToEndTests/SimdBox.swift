import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore

/// smsgw-simd in the queue's box: two-slot SIM800s (`AT+CSDS`), simd started, killed, asked.
extension QueuedBox {
    static let twoSlots = #"slots = 2\#nslot_select = { method = "at", command = "AT+CSDS={slot}" }"#

    /// `[[sims]]` for every slot of modems m1…mN: ids `m1-a`, `m1-b`, …, in group `default`.
    static func slotSIMs(modems: Int, limits: String, group: String = "") -> String {
        var text = "[[sim_groups]]\nid = \"default\"\n\(group)\n\n"
        for modem in 1...modems {
            for (slot, letter) in ["a", "b"].enumerated() {
                text += """
                    [[sims]]
                    id = "m\(modem)-\(letter)"
                    modem = "m\(modem)"
                    slot = \(slot)
                    groups = ["default"]
                    \(limits)

                    """
            }
        }
        return text
    }

    func startSimd(_ arguments: [String] = []) async throws {
        try? FileManager.default.removeItem(atPath: "\(runtime)/simd.sock")
        processes["simd"] = try launch("smsgw-simd", ["--config", configPath] + arguments, log: "simd", append: true)
        try await waitFor("simd") { FileManager.default.fileExists(atPath: "\(self.runtime)/simd.sock") }
    }

    /// SIGKILL of simd: whatever it paused stays paused in queued until a new simd resumes it.
    func killSimd() {
        guard let process = processes["simd"] else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func callSimd(_ request: SimdProtocol.Request) async throws -> SimdProtocol.Response {
        let client = try await IPCClient<SimdProtocol>.connect(to: "\(runtime)/simd.sock", retryingFor: .seconds(5))
        let response = try await client.call(request, timeout: .seconds(10))
        await client.close()
        return response
    }

    func simdStatus() async throws -> SimdStatus {
        guard case .status(let status) = try await callSimd(.status) else { throw BoxError("no status from simd") }
        return status
    }

    /// simd's turns since it started (its health's progress).
    func simdProgress() async throws -> Int {
        guard case .health(let health) = try await callSimd(.health) else { throw BoxError("no health from simd") }
        return health.progress
    }

    /// Every row of `sim_events` in order, as "SIM from → to" (with its id and time).
    func simEventRows() throws -> [String] {
        try database().connection.query("SELECT id, at, sim, coalesce(from_state, '-'), to_state FROM sim_events ORDER BY id") {
            "\($0.text(2)) #\($0.int64(0)) at \($0.int64(1)): \($0.text(3)) → \($0.text(4))"
        }
    }

    /// Sent count per configured SIM in today's (UTC) window, from queued's counters.
    func daySent() throws -> [String: Int] {
        let rows = try database().connection.query("""
            SELECT st.sim, coalesce(sum(c.sent), 0) FROM sim_states st
            LEFT JOIN sim_counters c ON c.sim_id = st.sim_id AND c.period = 'day'
            GROUP BY st.sim ORDER BY st.sim
            """) { ($0.text(0), $0.int(1)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
