import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import Testing

/// `recover` on queued's control socket (smsgw-watchdogd's first rung, docs/queued.md): the
/// full sweep, done by the work loop before it answers, and the answer says what it found.
/// The periodic sweep is set to an hour, so whatever changed was changed by `recover`.
@Suite("smsgw-queued: recover", .serialized)
struct QueuedRecoverTests {
    static var now: Timestamp { QueuedBox.now }

    @Test("a stale attempt, a held message due, an expired one and a status report: done and counted when recover answers; a live send untouched")
    func recoverSweepsEverythingThenAnswers() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        let text = try String(contentsOfFile: box.configPath, encoding: .utf8)
        try text.replacingOccurrences(of: #"sweep_interval = "1s""#, with: #"sweep_interval = "1h""#)
            .write(toFile: box.configPath, atomically: true, encoding: .utf8)
        try await box.start()
        let queued = try #require(box.queued)
        for modem in ["m1", "m2", "m3", "m4"] { _ = try await queued.call(.pauseModem(modem: modem), timeout: .seconds(5)) }

        // A live send: m3 takes the PDU and never answers (modemd waits ~26 s for +CMGS).
        _ = try box.simulatorControl(#"{"command":"hang-in-send","modem":"m3"}"#)
        let live = try box.accept([QueuedBox.message(to: "+31650000001", .transactional)])[0]
        _ = try await queued.call(.resumeModem(modem: "m3"), timeout: .seconds(5))
        try await box.waitFor("the live send on m3") { try await box.status().inFlight["m3"] == live }
        _ = try await queued.call(.pauseModem(modem: "m3"), timeout: .seconds(5))

        // Behind the loop's back, as a send whose outcome could not be recorded, a sweep that
        // has not come yet and a status report no event announced would leave them.
        let database = try box.database()
        let now = Self.now
        let windows = SimCounterWindows(hour: now, day: now, month: now)
        let (m1, sim1) = try Self.modemAndSIM(database, "m1")
        let (m2, sim2) = try Self.modemAndSIM(database, "m2")
        let stale = try database.accept([QueuedBox.message(to: "+31650000002", .transactional)], now: now)[0]
        _ = try database.recordSentAndBegin([], begin: [.init(messageID: stale, modemID: m1, simID: sim1, windows: windows)], now: now)
        let held = try database.accept([QueuedBox.message(to: "+31650000003", .transactional)], now: now)[0]
        #expect(try database.holdMessage(held, until: now, reason: "schedule", now: now))
        var old = QueuedBox.message(to: "+31650000004", .transactional)
        old.expiresAt = now - .seconds(1)
        let expired = try database.accept([old], now: now - .seconds(2))[0]
        let reported = try database.accept([QueuedBox.message(to: "+31650000005", .transactional, report: true)], now: now)[0]
        let begun = try database.recordSentAndBegin([], begin: [.init(messageID: reported, modemID: m2, simID: sim2, windows: windows)],
                                                    now: now)
        let attempt = try begun[0].get()
        let part = try #require(try database.connection.queryFirst("SELECT id FROM message_parts WHERE attempt_id = ?", attempt) { $0.int64(0) })
        _ = try database.markPartsSent([.init(partIDs: [part], references: [7])], now: now)
        _ = try database.insertStatusReport(NewStatusReport(
            modemID: m2, simID: sim2, messageReference: 7, recipient: "+31650000005", serviceCentreTime: now,
            dischargeTime: now, status: 0, receivedAt: now))
        #expect(try [stale, held, expired, reported].map { try database.state(of: $0) } == [.sending, .held, .queued, .sent])

        guard case .recovered(let recovery) = try await queued.call(.recover, timeout: .seconds(10)) else {
            Issue.record("recover was not answered with what it did")
            return
        }
        #expect(recovery.staleAttempts == 1, "the live send on m3 is not stale")
        #expect(recovery.released == 1 && recovery.expired == 1)
        #expect(recovery.reportsMatched == 1 && recovery.reportsUnmatched == 0)
        #expect(recovery.dlrsQueued == (try box.count("SELECT count(*) FROM upstream_outbox WHERE kind = 'dlr'")))
        #expect(recovery.summary.hasPrefix("full sweep done: 1 stale attempt(s) marked unknown, 1 released from hold, 1 expired"))
        // Done when answered: the store already says so.
        #expect(try [stale, held, expired, reported, live].map { try database.state(of: $0) }
            == [.unknown, .queued, .expired, .delivered, .sending])
        #expect(try database.connection.queryFirst("SELECT outcome FROM attempts WHERE message_id = ?", live) { $0.text(0) } == "pending")
        box.stop()
    }

    /// The store ids of `modem` and the SIM it runs on.
    static func modemAndSIM(_ database: GatewayDatabase, _ modem: String) throws -> (modem: Int64, sim: Int64) {
        try #require(try database.connection.queryFirst(
            "SELECT m.id, s.id FROM modems m JOIN sims s ON s.modem_id = m.id WHERE m.name = ? ORDER BY s.id LIMIT 1", modem) {
            ($0.int64(0), $0.int64(1))
        })
    }
}
