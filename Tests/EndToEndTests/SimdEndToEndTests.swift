import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Testing

/// smsgw-simd with the real simulator (--fast), modemd and queued (docs/simd.md, "Tests"):
/// 2 modems × 2 SIMs.
@Suite("smsgw-simd end to end", .serialized)
struct SimdEndToEndTests {
    static let destinations = (0..<20).map { "+3161000\(String(format: "%04d", $0))" }

    /// A daily limit of 5 per SIM and 24 messages: every SIM sends exactly 5, never more, each
    /// modem was rotated to its second SIM — in the log and in the store's history — and the 4
    /// left over wait `queued` while both modems are held paused.
    @Test func rotatesAtTheDailyLimit() async throws {
        let box = try QueuedBox(extra: QueuedBox.slotSIMs(modems: 2, limits: "per_hour = 5\nper_day = 5\nper_month = 100"),
                                modems: 2, modemKeys: QueuedBox.twoSlots)
        try await box.start()
        try await box.startSimd()
        // 24 messages for room for 20: the last 4 wait (queued, not failed) for the next local day.
        try box.accept((Self.destinations + (20..<24).map { "+3161000\(String(format: "%04d", $0))" })
            .map { QueuedBox.message(to: $0, .transactional) })
        try await box.waitFor("20 messages sent", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 20
        }
        #expect(try box.daySent() == ["m1-a": 5, "m1-b": 5, "m2-a": 5, "m2-b": 5])
        // From the simulator's ledger: each of the 20 went out once, 5 through each SIM.
        let audit = try box.audit()
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        let perICCID = Dictionary(grouping: try box.ledger().filter(\.wentOut), by: \.iccid).mapValues(\.count)
        #expect(perICCID.count == 4 && perICCID.values.allSatisfy { $0 == 5 }, "\(perICCID)")
        let log = box.log("simd")
        #expect(log.contains("rotation on m1: m1-a → m1-b (day limit reached)") || log.contains("rotation on m1: m1-b → m1-a (day limit reached)"), "\(log.suffix(3000))")
        #expect(log.contains("rotation on m2:"))
        let database = try box.database()
        for sim in ["m1-a", "m1-b", "m2-a", "m2-b"] {
            #expect(try database.simEvents(sim).contains { $0.to == .active }, "\(sim) was never on air")
        }
        // Every SIM is full: nothing may be on air, both modems held paused by simd.
        try await box.waitFor("both modems idle-paused") { try await box.status().pausedModems == ["m1", "m2"] }
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'queued'") == 4)
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'failed'") == 0)
        let status = try await box.simdStatus()
        #expect(status.sims.map(\.sentDay) == [5, 5, 5, 5])
        #expect(status.sims.allSatisfy { $0.state == "cooling" }, "\(status.sims.map { "\($0.sim) \($0.state) \($0.reason)" })")

        // smsgwctl sims: the table, whole (the simulator derives ICCIDs from modem and slot).
        let table = try runProduct("smsgwctl", ["sims", "--config", box.configPath])
        #expect(table.status == 0, "\(table.standardError)")
        let iccids = status.sims.map { $0.iccid ?? "-" }
        let lines = table.standardOutput.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(lines == [
            "SIM MODEM SLOT STATE HOUR DAY MONTH RECIPIENTS BALANCE ICCID REASON",
            "m1-a m1 0 cooling 5/5 5/5 5/100 5 - \(iccids[0]) day limit reached",
            "m1-b m1 1 cooling 5/5 5/5 5/100 5 - \(iccids[1]) day limit reached",
            "m2-a m2 0 cooling 5/5 5/5 5/100 5 - \(iccids[2]) day limit reached",
            "m2-b m2 1 cooling 5/5 5/5 5/100 5 - \(iccids[3]) day limit reached",
            "paused by simd: m1, m2",
        ])
        #expect(iccids.allSatisfy { $0.hasPrefix("89") })
        // Manual control: lock, a limit set by hand, and the refusals.
        let lock = try runProduct("smsgwctl", ["sims", "lock", "m1-a", "--config", box.configPath])
        #expect(lock.standardOutput == "m1-a: locked (locked by hand); limits 5/5/100\n")
        let limits = try runProduct("smsgwctl", ["sims", "limits", "m2-b", "--per-month", "50", "--config", box.configPath])
        #expect(limits.standardOutput == "m2-b: cooling (day limit reached); limits 5/5/50\n")
        let release = try runProduct("smsgwctl", ["sims", "release", "m1-b", "--config", box.configPath])
        #expect(release.status == 2 && release.standardError.contains("m1-b is not quarantined (it is cooling)"))
        let tooLow = try runProduct("smsgwctl", ["sims", "limits", "m1-b", "--per-month", "2", "--config", box.configPath])
        #expect(tooLow.status == 2 && tooLow.standardError.contains("per_hour ≤ per_day ≤ per_month"))
        #expect(try box.database().simEvents("m1-a").last?.to == .locked)
    }

    /// The simulator bars m1's first SIM after 2 sends (CREG 3, CMS 21): it is quarantined with
    /// the evidence (K = 3 barring failures), m1 moves to its other SIM, and the other messages
    /// go out on the SIMs left (CMS 21 is a permanent failure: those K messages fail).
    @Test func quarantinesABarredSIM() async throws {
        let box = try QueuedBox(extra: QueuedBox.slotSIMs(
            modems: 2, limits: "",
            group: "block_detection = { failures_in_a_row = 3, registration_losses_per_hour = 1 }"),
            modems: 2, simulatorTiming: ["--time-scale", "0.1"], modemKeys: QueuedBox.twoSlots)
        try await box.start()
        // Sends take 150–250 ms here (×0.1 of a SIM800's, ~2 s): simd turns every 100 ms, as
        // its 1 s tick does against real sends.
        try await box.startSimd(["--tick-milliseconds", "100"])
        try await box.waitFor("m1-a on air") { try await box.simdStatus().sims.first?.state == "active" }
        _ = try box.simulatorControl(#"{"command":"block-sim","modem":"m1","after":2}"#)
        try box.accept(Self.destinations.map { QueuedBox.message(to: $0, .transactional) })
        try await box.waitFor("m1-a quarantined", within: .seconds(60)) {
            try await box.simdStatus().sims.first { $0.sim == "m1-a" }?.state == "quarantined"
        }
        try await box.waitFor("every message final", within: .seconds(90)) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('sent', 'failed')") == 20
        }
        let status = try await box.simdStatus()
        let barred = try #require(status.sims.first { $0.sim == "m1-a" })
        #expect(barred.reason.hasPrefix("3 sends in a row failed with barring causes (CMS 21"), "\(barred)")
        #expect(barred.evidence?.contains(#""kind":"barring_failures""#) == true)
        // Quarantined promptly: queued was told to start nothing more on it (by ICCID).
        let barredICCID = try #require(barred.iccid)
        #expect(try await box.status().pausedSIMs.contains(barredICCID))
        #expect(try box.database().simEvents("m1-a").last?.to == .quarantined)
        // m1 went on with its other SIM; traffic continued: most messages were sent.
        try await box.waitFor("m1 on its other SIM") { try await box.simdStatus().sims.first { $0.sim == "m1-b" }?.state == "active" }
        let states = try box.database().connection.query("SELECT state || ':' || count(*) FROM messages GROUP BY state") { $0.text(0) }
        let attempts = try box.database().connection.query("SELECT sim_id || ' ' || outcome || ' ' || coalesce(error_code, '-') FROM attempts ORDER BY id") { $0.text(0) }
        // The simulator bars m1-a after its next 2 sends; from then on every send on it is refused
        // with CMS 21, a permanent failure: that message fails. simd quarantines after K = 3
        // such failures in a row, so at least 3 messages failed; one more may have begun on m1-a
        // before simd paused it (it looks every 100 ms; a send takes 150–250 ms here), not two.
        let failed = try box.count("SELECT count(*) FROM messages WHERE state = 'failed'")
        #expect((3...4).contains(failed), "\(states) \(attempts) \(status.sims.map { "\($0.sim) \($0.state)" })")
        #expect(try box.count("""
            SELECT count(*) FROM messages m JOIN attempts a ON a.message_id = m.id JOIN sim_states s ON s.sim_id = a.sim_id
            WHERE m.state = 'failed' AND a.outcome = 'failed' AND a.error_code = 21 AND s.sim = 'm1-a'
            """) == failed, "each failed message failed once, with CMS 21 on m1-a: \(attempts)")
        // The simulator saw the same: as many bodies refused with 21 on the barred SIM, the
        // others each sent once.
        let ledger = try box.ledger()
        let barring = ledger.filter { $0.answer == "refused" && $0.error == 21 }
        #expect(barring.count == failed && barring.allSatisfy { $0.iccid == barredICCID }, "\(barring)")
        let audit = try SendAudit(database: box.database(), ledger: ledger)
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        #expect(box.log("simd").contains("m1-a quarantined:"))
    }

    /// kill -9 of simd mid-run (right after its first rotation began): the restarted simd
    /// resumes every modem the dead one had paused (here also one paused mid-switch, as its
    /// record in `simd_pauses` says), states and counters survive, no SIM goes over its limit.
    @Test func survivesKillNine() async throws {
        let box = try QueuedBox(extra: QueuedBox.slotSIMs(modems: 2, limits: "per_hour = 5\nper_day = 5\nper_month = 100"),
                                modems: 2, simulatorTiming: ["--time-scale", "0.1"], modemKeys: QueuedBox.twoSlots)
        try await box.start()
        try await box.startSimd()
        try box.accept(Self.destinations.prefix(16).map { QueuedBox.message(to: $0, .transactional) })
        try await box.waitFor("a first rotation", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM sim_events WHERE to_state = 'cooling'") >= 1
        }
        box.killSimd()
        let eventsBefore = try box.simEventRows()
        // As if simd died between pausing m2 and switching it: paused in queued and recorded.
        _ = try await box.queued?.call(.pauseModem(modem: "m2"), timeout: .seconds(5))
        try box.database().recordPause(modem: "m2", reason: "switching SIM", now: QueuedBox.now)
        #expect(try await box.status().pausedModems.contains("m2"))

        try await box.startSimd()
        try await box.waitFor("16 messages sent", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 16
        }
        try await box.waitFor("no modem paused") {
            try await box.status().pausedModems.isEmpty && box.count("SELECT count(*) FROM simd_pauses") == 0
        }
        #expect(box.log("simd").contains("resuming modems paused by the last run"))
        let sent = try box.daySent()
        #expect(sent.values.reduce(0, +) == 16 && sent.values.allSatisfy { $0 <= 5 }, "\(sent)")
        // The simulator's ledger agrees: each message went out once, no SIM more than 5 times.
        let audit = try box.audit()
        #expect(audit.problems.isEmpty, "\(audit.problems)")
        let perICCID = Dictionary(grouping: try box.ledger().filter(\.wentOut), by: \.iccid).mapValues(\.count)
        #expect(perICCID.values.reduce(0, +) == 16 && perICCID.values.allSatisfy { $0 <= 5 }, "\(perICCID)")
        // The history survived the kill as it was (the new simd appended to it), and every SIM's
        // state is where its last event left it.
        let eventsAfter = try box.simEventRows()
        #expect(Array(eventsAfter.prefix(eventsBefore.count)) == eventsBefore, "events before the kill kept unchanged")
        let status = try await box.simdStatus()
        #expect(status.sims.filter { $0.state == "active" }.count == 2, "\(status.sims.map { "\($0.sim) \($0.state)" })")
        #expect(status.sims.filter { $0.state == "cooling" }.count == 2)
        for sim in status.sims {
            #expect(eventsAfter.last { $0.hasPrefix("\(sim.sim) ") }?.hasSuffix("→ \(sim.state)") == true, "\(sim.sim): \(eventsAfter)")
        }
    }
}
