import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Testing

/// smsgw-queued with the real smsgw-modemd, smsgw-modemsim (--fast, four modems) and a real
/// SQLite file; messages accepted as ingress does (store accept + wake-up datagram).
@Suite("smsgw-queued end to end", .serialized)
struct QueuedEndToEndTests {
    static let oneGroup = """
        [[sim_groups]]
        id = "default"

        """ + (1...4).map { "[[sims]]\nid = \"m\($0)-a\"\nmodem = \"m\($0)\"\nslot = 0\ngroups = [\"default\"]\n" }.joined()

    @Test("200 messages are each sent exactly once, spread over the four modems; status reports make them delivered with DLRs")
    func allSentOnce() async throws {
        let box = try QueuedBox(extra: Self.oneGroup)
        try await box.start()
        let messages = (0..<200).map { QueuedBox.message(to: "+3161234\(String(format: "%04d", $0))", .transactional, report: $0 < 20) }
        for batch in stride(from: 0, to: messages.count, by: 50) { try box.accept(Array(messages[batch..<batch + 50])) }
        try await box.waitFor("200 messages sent", within: .seconds(40)) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('sent', 'delivered')") == 200
        }
        let audit = try box.audit()
        #expect(audit.problems.isEmpty, "each message went out exactly once: \(audit.problems)")
        #expect(audit.wentOut.values.map(\.count).reduce(0, +) == 200, "the simulator sent 200 bodies")
        let witness = try box.simulatorSent()
        #expect(witness.count == 4 && witness.values.allSatisfy { $0 > 0 }, "every modem worked: \(witness)")
        #expect(try box.count("SELECT count(*) FROM attempts") == 200)
        #expect(try box.count("SELECT count(*) FROM attempts WHERE outcome != 'sent'") == 0)
        // Charged in the attempt's transaction: the day counters hold exactly the parts sent.
        #expect(try box.count("SELECT sum(sent) FROM sim_counters WHERE period = 'day'") == 200)
        // The first 20 asked for reports: the simulator sends them 0.2 s later.
        try await box.waitFor("20 delivered", within: .seconds(15)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'delivered'") >= 20
        }
        #expect(try box.count("SELECT count(*) FROM upstream_outbox WHERE kind = 'dlr'") == 20, "one DLR per message that asked")
        let status = try await box.status()
        #expect(status.depth["queued"] == nil)
        #expect(status.inFlight.isEmpty)
        #expect(status.counters["attempts"] == 200 && status.counters["sent"] == 200)

        // `smsgwctl queue` over the same socket, as the operator sees it.
        let table = try runProduct("smsgwctl", ["queue", "--config", box.configPath])
        #expect(table.status == 0, "\(table.standardError)")
        #expect(table.standardOutput == """
            modemd: connected, ready modems: m1 m2 m3 m4
            state      otp  transactional  marketing  total
            sent         0            180          0    180
            delivered    0             20          0     20
            in flight: none
            oldest waiting: none

            """)
        let json = try runProduct("smsgwctl", ["queue", "--json", "--socket", "\(box.runtime)/queued.sock"])
        let decoded = try JSONDecoder().decode(QueueStatus.self, from: Data(json.standardOutput.utf8))
        #expect(decoded.depth["delivered"]?["transactional"] == 20)
        let missing = try runProduct("smsgwctl", ["queue", "--socket", "\(box.path)/nowhere.sock"])
        #expect(missing.status == 2)
        #expect(missing.standardError.hasPrefix("smsgwctl: cannot reach smsgw-queued at "))
        box.stop()
    }

    @Test("OTP accepted after a marketing backlog overtakes it")
    func otpOvertakes() async throws {
        let box = try QueuedBox(extra: Self.oneGroup)
        try await box.start()
        // Pause every modem, queue the backlog and then the OTP, resume: the OTP goes first.
        for modem in ["m1", "m2", "m3", "m4"] { _ = try await box.queued?.call(.pauseModem(modem: modem)) }
        try box.accept((0..<60).map { QueuedBox.message(to: "+3162000\(String(format: "%04d", $0))", .marketing) })
        let otp = try box.accept([QueuedBox.message(to: "+31699999999", .otp)])[0]
        try await box.waitForTurns(2)  // the wake-up's turn and the next: each would have sent
        #expect(try box.count("SELECT count(*) FROM attempts") == 0, "paused modems get nothing")
        for modem in ["m1", "m2", "m3", "m4"] { _ = try await box.queued?.call(.resumeModem(modem: modem)) }
        try await box.waitFor("all 61 sent") { try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 61 }
        let first = try box.count("SELECT message_id FROM attempts ORDER BY id LIMIT 1")
        #expect(Int64(first) == otp)
        box.stop()
    }

    @Test("two routes send each prefix through its group; a SIM at its daily limit is skipped; with all full, messages wait")
    func routesAndLimits() async throws {
        // m1, m2 serve "nl" (m2 may send only 3 a day); m3, m4 serve "de" with 2 a day each.
        var extra = """
            [routing]
            default_group = "de"
            [[routes]]
            name = "netherlands"
            prefixes = ["+31"]
            group = "nl"
            [[sim_groups]]
            id = "nl"
            [[sim_groups]]
            id = "de"

            """
        for (modem, group, perDay) in [("m1", "nl", 100), ("m2", "nl", 3), ("m3", "de", 2), ("m4", "de", 2)] {
            extra += """
                [[sims]]
                id = "\(modem)-a"
                modem = "\(modem)"
                slot = 0
                groups = ["\(group)"]
                per_hour = \(perDay)
                per_day = \(perDay)
                per_month = \(perDay)

                """
        }
        let box = try QueuedBox(extra: extra)
        try await box.start()
        try box.accept((0..<20).map { QueuedBox.message(to: "+3163000\(String(format: "%04d", $0))", .transactional) }
                       + (0..<6).map { QueuedBox.message(to: "+4915100\(String(format: "%04d", $0))", .transactional) })
        try await box.waitFor("20 NL and 4 DE sent") {
            try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 24
        }
        // Four more turns (at least three of queued's 500 ms ticks, so its 1 s sweep ran too):
        // nothing more may go.
        try await box.waitForTurns(4)
        let witness = try box.simulatorSent()
        #expect(witness["m2"] == 3, "m2 stops at its daily limit: \(witness)")
        #expect(witness["m1"] == 17)
        #expect(witness["m3"] == 2 && witness["m4"] == 2)
        let wrongGroup = try box.count("""
            SELECT count(*) FROM message_parts p JOIN messages m ON m.id = p.message_id JOIN modems d ON d.id = p.modem_id
            WHERE (m.destination LIKE '+31%') != (d.name IN ('m1', 'm2'))
            """)
        #expect(wrongGroup == 0)
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'queued'") == 2, "the two DE messages wait, not fail")
        box.stop()
    }

    @Test("kill -9 of queued mid-run, then restart: nothing lost, nothing sent twice")
    func crashRestart() async throws {
        let box = try QueuedBox(extra: Self.oneGroup)
        try await box.start()
        try box.accept((0..<300).map { QueuedBox.message(to: "+3164000\(String(format: "%04d", $0))", .marketing) })
        var kills: [KillWindow] = []
        for round in 0..<3 {
            try await box.waitFor("progress before kill \(round)") {
                try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") >= 60 * (round + 1)
            }
            kills.append(await KillWindow.around("queued") { await box.killQueued() })
            try await box.startQueued()
        }
        try await box.waitFor("all settled", within: .seconds(40)) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('sent', 'unknown')") == 300
        }
        // Counted from the simulator's ledger: every sent message went out exactly once, with the
        // TP-MR the store holds; an unknown one at most once; nothing else went out.
        let audit = try box.audit()
        #expect(audit.messages.count == 300 && audit.problems.isEmpty, "\(audit.problems)")
        // queued keeps one send in flight per modem (Dispatcher), so a kill cuts at most one per modem.
        let unknown = try UnknownAttempt.all(in: box.database())
        #expect(unknown.map(\.message).sorted() == audit.unknown.map(\.id))
        let cuts = UnknownAttempt.problems(unknown, kills: kills, inFlightPerKill: box.modemCount)
        #expect(cuts.isEmpty, "\(cuts)")
        #expect(try box.count("SELECT count(*) FROM (SELECT message_id FROM attempts GROUP BY message_id HAVING count(*) > 1)") == 0)
        box.stop()
    }
}
