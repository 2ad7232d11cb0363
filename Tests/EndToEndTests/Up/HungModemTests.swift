import Foundation
import GatewayStore
import GatewayTestSupport
import Testing

/// The budget "a hung modem is detected within 30 s and power-cycled; its traffic moves to other
/// SIMs" (docs/architecture.md), through the whole box (`smsgwctl up`): messages flow over several modems, the
/// simulator hangs m2 (it stops answering AT), modemd's ladder (probe, soft reset, GPIO power
/// cycle) takes it through the simulated chip — the simulator sees its power line drop and
/// boots it afresh — watchdogd records the power cycle in `watchdog_escalations`, `status`
/// shows it, and every message is delivered, those that were meant for m2 through other SIMs.
///
/// The `[watchdog]` timings are shortened so the whole walk takes seconds, not the shipped
/// 30 s: `modem_poll_interval` 1 s and `modem_hang_timeout` 5 s (an idle modem is asked something
/// every second; poll, probe and reset timeouts share the 4 s left: 1.6, 0.8, 1.6 s), a 1 s
/// power-off, `modem_boot_time` 8 s, `health_interval` 1 s. The ladder's shape is the same.
/// A SIM's pacing (`sim_defaults.cooldown` 5 s plus up to `queue.send_jitter` 3 s) is cut to
/// 100 ms, so a burst reaches m2 while it is hung and not yet found out.
@Suite(.serialized) struct HungModemTests {
    static let settings = [
        "watchdog": """
            modem_poll_interval = "1s"
            modem_hang_timeout = "5s"
            power_off_time = "1s"
            modem_boot_time = "8s"
            health_interval = "1s"
            """,
        "sim_defaults": "cooldown = \"100ms\"",
        "queue": "send_jitter = \"0s\"",
    ]

    @Test(.timeLimit(.minutes(2))) func hungModemIsPowerCycledAndItsTrafficMoves() throws {
        let box = try UpBox(watchdogSeconds: 3, settings: Self.settings)
        try box.start()

        // Traffic over several modems first (over SMPP: a burst is submitted in milliseconds).
        let smpp = try SMPPProbe(port: box.smppPort)
        try smpp.bind(systemID: "demo", password: "demo")
        let before = try (20..<28).map { try smpp.submit(to: "316123450\($0)", text: "before the hang \($0)") }
        try Self.expectDelivered(smpp.receipts(for: Set(before), seconds: 30), of: before, box: box)
        let used = try box.database().connection.query("""
            SELECT DISTINCT modems.name FROM attempts JOIN modems ON modems.id = attempts.modem_id WHERE outcome = 'sent'
            """) { $0.text(0) }
        #expect(used.count >= 2, "messages flowed over \(used)")

        // m2 hangs; more messages come, some of them routed to m2 before modemd finds out.
        let hungAtMilliseconds = Int64(Date().timeIntervalSince1970 * 1000)
        _ = try box.simulatorControl(#"{"command":"hang","modem":"m2"}"#)
        let hungAt = Date()
        let after = try (30..<46).map { try smpp.submit(to: "316123450\($0)", text: "during the hang \($0)") }

        // The simulator's own view: m2's power line drops (GPIO), then it boots afresh, unhung.
        var poweredOffAfter: TimeInterval?
        var backAfter: TimeInterval?
        try box.waitFor("m2 power-cycled by GPIO and answering again", seconds: 40) {
            let m2 = try Self.simulatedModem("m2", box: box)
            if poweredOffAfter == nil, m2.power == "off" { poweredOffAfter = Date().timeIntervalSince(hungAt) }
            if poweredOffAfter != nil, m2.power == "ready", m2.misbehaviours.isEmpty { backAfter = Date().timeIntervalSince(hungAt) }
            return backAfter != nil
        }
        let off = try #require(poweredOffAfter)
        print("m2 hung: power cut after \(String(format: "%.1f", off)) s, back after \(String(format: "%.1f", backAfter ?? 0)) s")
        #expect(off < 30, "the budget: detected and power-cycled within 30 s")

        // Every message delivered; those attempted on m2 after the hang went out on another SIM.
        try Self.expectDelivered(smpp.receipts(for: Set(after), seconds: 30), of: after, box: box)
        let database = try box.database()
        let movedAway = try database.connection.query("""
            SELECT a.message_id, a.outcome, a.error_detail FROM attempts a JOIN modems m ON m.id = a.modem_id
            WHERE m.name = 'm2' AND a.started_at >= ? AND a.outcome != 'sent'
            """, hungAtMilliseconds) { ($0.int64(0), $0.text(1), $0.optionalText(2) ?? "") }
        for (message, outcome, detail) in movedAway {
            #expect(outcome == "failed", "message \(message) on the hung m2: \(outcome) \(detail)")
            let deliveredOn = try database.connection.query("""
                SELECT m.name FROM attempts a JOIN modems m ON m.id = a.modem_id WHERE a.message_id = ? AND a.outcome = 'sent'
                """, message) { $0.text(0) }
            #expect(deliveredOn.count == 1 && deliveredOn.first != "m2", "message \(message) went out on \(deliveredOn)")
        }
        print("\(movedAway.count) message(s) meant for m2 moved to other SIMs")
        #expect(!movedAway.isEmpty, "a burst of 16 over 8 ready modems sends some to m2 before modemd finds it hung")

        // Recorded: one power_cycle of modem:m2 in the escalation history, within 30 s of the hang.
        try box.waitFor("the power cycle recorded", seconds: 10) {
            try !box.database().escalations(limit: 20).filter { $0.subject == "modem:m2" && $0.step == "power_cycle" }.isEmpty
        }
        let recorded = try box.database().escalations(limit: 20).filter { $0.subject == "modem:m2" }
        #expect(recorded.count == 1, "\(recorded)")
        if let first = recorded.last {
            #expect(first.at.millisecondsSince1970 - hungAtMilliseconds < 30_000)
            #expect(first.outcome.hasPrefix("done by modemd: 1 power cycle"), "\(first.outcome)")
        }
        let status = try runProduct("smsgwctl", ["status", "--config", box.configPath, "--json"])
        #expect(status.standardOutput.contains("\"step\" : \"power_cycle\""), "\(status.standardOutput)")
        #expect(status.standardOutput.contains("\"subject\" : \"modem:m2\""))
    }

    /// Every id has a DELIVRD receipt; else what the store says of the others.
    static func expectDelivered(_ receipts: [String: String], of ids: [String], box: UpBox) throws {
        for id in ids {
            if let text = receipts[id] {
                #expect(text.contains("stat:DELIVRD"), "\(id): \(text)")
                continue
            }
            // ingressd's SMPP message_id is the store's message id.
            let history = try box.database().connection.query(
                "SELECT state, actor, detail FROM message_events WHERE message_id = ? ORDER BY id", Int64(id) ?? -1
            ) { "\($0.text(0)) (\($0.text(1)): \($0.text(2)))" }
            Issue.record("no receipt for \(id); its history: \(history.joined(separator: " → "))")
        }
    }

    struct SimulatedModem: Decodable {
        var id: String
        var power: String
        var misbehaviours: [String]
    }

    static func simulatedModem(_ id: String, box: UpBox) throws -> SimulatedModem {
        struct Answer: Decodable { var modems: [SimulatedModem] }
        let answer = try JSONDecoder().decode(Answer.self, from: Data(try box.simulatorControl(#"{"command":"status"}"#).utf8))
        guard let modem = answer.modems.first(where: { $0.id == id }) else { throw UpBoxError("the simulator has no \(id)") }
        return modem
    }
}
