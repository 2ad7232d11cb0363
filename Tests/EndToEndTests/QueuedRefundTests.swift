import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import Testing

/// A send that never reached a modem is not left counted against its SIM (docs/queued.md,
/// "Outcomes"): queued charges the SIM as the attempt begins; when modemd answers
/// `not_attempted` the charge is taken back with the hand-back, so the SIM's counters are
/// what its modem sent.
@Suite("smsgw-queued: a send that never reached a modem is refunded", .serialized)
struct QueuedRefundTests {
    @Test("m1 hangs before its `> ` prompt: the send comes back not attempted, m1's SIM is charged nothing; m2 sends it and is charged once")
    func notAttemptedIsRefunded() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        try await box.start()
        let queued = try #require(box.queued)
        for modem in ["m2", "m3", "m4"] { _ = try await queued.call(.pauseModem(modem: modem), timeout: .seconds(5)) }
        // m1 hangs at its next AT+CMGS: no prompt, so modemd's ladder hands the send back not
        // attempted (docs/modemd.md, "Recovery ladder") after the command timeout. A plain `hang`
        // would race modemd's health poll: a poll that meets it first takes m1 out of service
        // and the message is never tried there.
        _ = try box.simulatorControl(#"{"command":"hang-at-prompt","modem":"m1"}"#)
        let id = try box.accept([QueuedBox.message(to: "+31650000010", .transactional)])[0]
        try await box.waitFor("the send handed back not attempted", within: .seconds(40)) {
            try box.count("SELECT count(*) FROM attempts WHERE error_detail LIKE 'not attempted:%'") == 1
        }
        #expect(try box.database().state(of: id) == .queued)
        #expect(try Self.daySent(box, modem: "m1") == 0, "refunded: m1's SIM sent nothing")

        _ = try await queued.call(.resumeModem(modem: "m2"), timeout: .seconds(5))
        try await box.waitFor("sent on m2") { try box.database().state(of: id) == .sent }
        #expect(try Self.daySent(box, modem: "m2") == 1)
        #expect(try Self.daySent(box, modem: "m1") == 0)
        #expect(try box.simulatorSent() == ["m1": 0, "m2": 1, "m3": 0, "m4": 0], "the counters are what the modems sent")
        box.stop()
    }

    /// What queued's counters hold for the SIM of `modem` in its day windows (every one: the
    /// test runs inside one day, or across two at midnight).
    static func daySent(_ box: QueuedBox, modem: String) throws -> Int {
        try box.database().connection.queryFirst("""
            SELECT coalesce(sum(c.sent), 0) FROM sim_counters c JOIN sims s ON s.id = c.sim_id JOIN modems m ON m.id = s.modem_id
            WHERE m.name = ? AND c.period = 'day'
            """, modem) { $0.int(0) } ?? -1
    }
}
