import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import Testing

/// SIM rotation at the scale of a small box, with the box's clock driven (not slept):
/// 4 modems × 4 SIMs, a daily limit of 20 (room for 320 a day).
@Suite("smsgw-simd across local midnight", .serialized)
struct SimdMidnightTests {
    /// 340 messages: exactly 320 (the room) go out with every SIM at 20 — every modem rotated
    /// through its four SIMs, in the log and in `sim_events` — and the rest wait `queued` (none
    /// fail) with every modem held paused; the box's clock jumps past local midnight (UTC here)
    /// and the last 20 go out on the new day's room. A send handed back unsent as its modem
    /// switched SIM (modemd "switching SIM", `not_attempted`) is refunded to the SIM it was
    /// charged to, so the day's counters are what the modems sent.
    @Test func waitsForMidnightThenSends() async throws {
        let box = try QueuedBox(extra: QueuedBox.slotSIMs(modems: 4, slots: 4, limits: "per_hour = 20\nper_day = 20\nper_month = 1000"),
                                modems: 4, modemKeys: QueuedBox.slotKeys(4))
        // The box's time: today 12:00 UTC, whatever the real time (so no real midnight interferes).
        let real = QueuedBox.realSeconds
        let noon = real / 86400 * 86400 + 43200
        try box.setClockOffset(noon - real)
        try await box.start()
        try await box.startSimd(environment: ["SMSGW_SIMD_TICK_MS": "200"])
        let destinations = (0..<340).map { "+3162\(String(format: "%07d", $0))" }
        // Accepted at the box's time, valid two days (the clock jumps 12 h below).
        let boxNow = Timestamp(secondsSince1970: noon)
        try box.accept(destinations.map { destination in
            var message = QueuedBox.message(to: destination, .transactional)
            message.expiresAt = boxNow + .seconds(2 * 86400)
            return message
        }, at: boxNow)
        // Every SIM full: every modem held paused by simd, nothing left in flight, the rest waiting.
        do {
            try await box.waitFor("every SIM full, every modem idle-paused", within: .seconds(180)) {
                let full = try await box.simdStatus().sims.allSatisfy { $0.state == "cooling" }
                let paused = try await box.status().pausedModems
                let sending = try box.count("SELECT count(*) FROM messages WHERE state = 'sending'")
                return full && paused == ["m1", "m2", "m3", "m4"] && sending == 0
            }
        } catch {
            let states = try box.database().connection.query("SELECT state || ':' || count(*) FROM messages GROUP BY state") { $0.text(0) }
            let sims = try await box.simdStatus().sims.map { "\($0.sim) \($0.state) \($0.sentDay) \($0.reason)" }
            Issue.record("\(states) \(sims)\n\(box.log("simd").suffix(4000))")
            throw error
        }
        let sentBefore = try box.count("SELECT count(*) FROM messages WHERE state = 'sent'")
        // The room, exactly: a send handed back unsent is not left counted against its SIM.
        let handedBack = try box.count("SELECT count(*) FROM attempts WHERE error_detail LIKE 'not attempted:%'")
        #expect(sentBefore == 320, "\(sentBefore) sent, \(handedBack) send(s) handed back unsent")
        #expect(try box.simulatorSent().values.reduce(0, +) == sentBefore)
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'queued'") == 340 - sentBefore)
        let firstDay = (noon / 86400 * 86400) * 1000
        let sims = (1...4).flatMap { modem in ["a", "b", "c", "d"].map { "m\(modem)-\($0)" } }
        // No SIM above 20: every one at exactly its limit (queued's counters, the day's window).
        #expect(try box.sent(inDayStarting: firstDay) == Dictionary(uniqueKeysWithValues: sims.map { ($0, 20) }))
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'failed'") == 0)
        // Every SIM was on air and every modem rotated three times (log and store).
        let log = box.log("simd")
        for modem in 1...4 {
            let rotations = log.components(separatedBy: "rotation on m\(modem): ").count - 1
            #expect(rotations >= 3, "m\(modem) rotated \(rotations) times")
        }
        for sim in sims {
            #expect(try box.database().simEvents(sim).contains { $0.to == .active }, "\(sim) never on air")
        }
        #expect(try box.count("SELECT count(*) FROM sim_events WHERE to_state = 'cooling' AND reason = 'day limit reached'") == 16)

        // Past local midnight: the day windows reset, the SIMs cool off, the rest go out.
        // The box's clock is noon + the test's run time (minutes): 12 h and 5 s on is past midnight.
        try box.setClockOffset(noon - real + 43200 + 5)
        try await box.waitFor("340 messages sent", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 340
        }
        let secondDay = firstDay + 86_400_000
        let next = try box.sent(inDayStarting: secondDay)
        #expect(next.values.reduce(0, +) == 340 - sentBefore && next.values.allSatisfy { $0 <= 20 }, "\(next)")
        #expect(try box.simulatorSent().values.reduce(0, +) == 340, "each sent once")
        #expect(try box.sent(inDayStarting: firstDay).values.allSatisfy { $0 == 20 })
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'failed'") == 0)
        try await box.waitFor("the modems resumed") { try await box.status().pausedModems.count < 4 }
    }
}
