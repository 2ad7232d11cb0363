import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Testing

/// The queue with modemd misbehaving or changing under it: modem changes pushed as events,
/// `kill -9` of modemd mid-run, and multipart status reports.
@Suite("smsgw-queued: modem events, modemd crashes, multipart reports", .serialized)
struct QueuedRecoveryTests {
    @Test("a modem reset on modemd is pushed to queued at once (events, not the 15 s poll): it leaves the ready set and comes back")
    func modemChangeIsPushed() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        try await box.start()
        let logged = box.log("queued").utf8.count
        // No power line in this box: modemd soft-resets m1 (AT+CFUN=1,1), which the fast
        // simulator finishes in well under the poll's period.
        guard case .powerCycleStarted = try await box.callModemd(.powerCycle(modem: "m1")) else {
            Issue.record("modemd did not start the power cycle")
            return
        }
        func readySets() -> [String] {
            String(decoding: box.log("queued").utf8.dropFirst(logged), as: UTF8.self)
                .split(separator: "\n").filter { $0.contains("ready modems:") }.map(String.init)
        }
        try await box.waitFor("queued to see m1 leave and come back", within: .seconds(5)) {
            let sets = readySets()
            return sets.contains { !$0.contains("m1(") } && sets.last?.contains("m1(") == true
        }
        #expect(try await box.status().readyModems.count == 4)
        box.stop()
    }

    @Test("kill -9 of modemd mid-run, twice: nothing lost, nothing sent twice, in-flight attempts end unknown or resolved")
    func modemdCrash() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        try await box.start()
        try box.accept((0..<300).map { QueuedBox.message(to: "+3165000\(String(format: "%04d", $0))", .transactional) })
        var kills: [KillWindow] = []
        for round in 0..<2 {
            try await box.waitFor("progress before kill \(round)") {
                try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") >= 80 * (round + 1)
            }
            kills.append(KillWindow.around("modemd") { box.killModemd() })
            try await box.startModemd()
            try await box.waitFor("modems ready again in queued", within: .seconds(60)) {
                try await box.status().readyModems.count == 4
            }
            // The new modemd sends on from where the dead one stopped: no body went out twice.
            let bodies = try box.ledger().filter(\.wentOut).compactMap(\.destination)
            #expect(Set(bodies).count == bodies.count, "a destination went out twice across kill \(round)")
        }
        try await box.waitFor("all settled", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('sent', 'unknown')") == 300
        }
        // Counted from the simulator's ledger: every sent message went out exactly once, with the
        // TP-MR the store holds; an unknown one at most once; nothing else went out.
        let audit = try box.audit()
        #expect(audit.messages.count == 300 && audit.problems.isEmpty, "\(audit.problems)")
        // One send in flight per modem: a kill of modemd cuts at most one per modem.
        let unknown = try UnknownAttempt.all(in: box.database())
        #expect(unknown.map(\.message).sorted() == audit.unknown.map(\.id))
        let cuts = UnknownAttempt.problems(unknown, kills: kills, inFlightPerKill: box.modemCount)
        #expect(cuts.isEmpty, "\(cuts)")
        #expect(try box.count("SELECT count(*) FROM attempts WHERE outcome = 'pending'") == 0, "no attempt left in flight")
        // A message is resent only after an attempt that never reached a modem (`not attempted: …`).
        #expect(try box.count("""
            SELECT count(*) FROM (SELECT message_id FROM attempts WHERE NOT (outcome = 'failed' AND error_detail LIKE 'not attempted:%')
                                  GROUP BY message_id HAVING count(*) > 1)
            """) == 0)
        box.stop()
    }

    @Test("multipart: reports for every part make the message delivered (DLR queued); one failed part fails it")
    func multipartReports() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        try await box.start()
        // The simulator reports on each part of the first (TP-SRR set); the second asks for none.
        let ids = try box.accept([QueuedBox.multipart(to: "+31611110001", parts: 3, reference: 7, report: true),
                                  QueuedBox.multipart(to: "+31611110002", parts: 2, reference: 8, report: false)])
        try await box.waitFor("the 3-part message delivered") {
            try box.count("SELECT count(*) FROM messages WHERE id = \(ids[0]) AND state = 'delivered'") == 1
        }
        #expect(try box.count("SELECT count(*) FROM message_parts WHERE message_id = \(ids[0]) AND state = 'delivered'") == 3)
        #expect(try box.count("SELECT count(*) FROM upstream_outbox WHERE kind = 'dlr'") == 1, "one DLR for the whole message")
        try await box.waitFor("the 2-part message sent") {
            try box.count("SELECT count(*) FROM messages WHERE id = \(ids[1]) AND state = 'sent'") == 1
        }
        // Reports for it, as modemd stores them: part 1 delivered, part 2 permanently failed (TP-ST 0x41).
        let database = try box.database()
        let parts = try database.connection.query(
            "SELECT modem_id, sim_id, tp_mr FROM message_parts WHERE message_id = ? ORDER BY seq", ids[1]) {
            ($0.int64(0), $0.int64(1), $0.int(2))
        }
        for (index, part) in parts.enumerated() {
            _ = try database.insertStatusReport(NewStatusReport(
                modemID: part.0, simID: part.1, messageReference: UInt8(truncatingIfNeeded: part.2), recipient: "31611110002",
                serviceCentreTime: QueuedBox.now, dischargeTime: QueuedBox.now, status: index == 0 ? 0x00 : 0x41,
                receivedAt: QueuedBox.now))
        }
        try await box.waitFor("the 2-part message failed") {
            try box.count("SELECT count(*) FROM messages WHERE id = \(ids[1]) AND state = 'failed'") == 1
        }
        #expect(try box.count("SELECT count(*) FROM message_parts WHERE message_id = \(ids[1]) AND state = 'delivered'") == 1)
        box.stop()
    }
}
