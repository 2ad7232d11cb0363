import GatewayCore
import Testing
@testable import GatewayStore

/// Upstream-split messages (GatewayDatabase+Assembly): parts of one key become ONE message,
/// sendable only when all are there; an incomplete one fails at its deadline.
@Suite("Store assembly of upstream-split messages")
struct AssemblyTests {
    /// Part `sequence` of `total` under `key`: its TPDU differs per part (TP-SRR clear: 0x41).
    static func part(_ sequence: Int, of total: Int = 3, key: String = "udh8:7:3:ACME:+31612345678",
                     report: Bool = false, text: String? = nil) -> NewMessage {
        var message = Fixtures.message()
        message.text = text ?? "p\(sequence)."
        message.partsHex = [String(format: "4100%02X0B911316325476F80000AA05E8329BFD06", sequence)]
        message.registeredDelivery = report
        message.assembly = MessageAssemblyPart(key: key, total: total, sequence: sequence)
        return message
    }

    /// Out of order and across batches: the message exists (accepted, not picked) from the
    /// first part, and the third part makes it queued with its text joined in part order.
    @Test func partsOutOfOrderMakeOneMessage() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        let first = try db.accept([Self.part(3), Self.part(1)], now: .testStart)
        #expect(first[0] == first[1])
        #expect(try db.state(of: first[0]) == .accepted)
        #expect(try db.pickSendable(now: .testStart, limit: 10).isEmpty)
        let last = try db.accept([Self.part(2)], now: .testStart + .seconds(1))
        #expect(last == [first[0]])
        #expect(try db.state(of: first[0]) == .queued)
        #expect(try db.connection.queryFirst("SELECT text FROM messages WHERE id = ?", first[0]) { $0.text(0) } == "p1.p2.p3.")
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts WHERE message_id = ?", first[0]) { $0.int(0) } == 3)
        #expect(try db.pickSendable(now: .testStart + .seconds(1), limit: 10).map(\.id) == [first[0]])
        #expect(try db.history(of: first[0]).map(\.state) == [.accepted, .accepted, .accepted, .queued])
    }

    /// Two messages with the same reference to different destinations (another key) stay apart,
    /// and a part sent twice (a lost submit_sm_resp) is stored once under the same id.
    @Test func keysSeparateAndRepeatsAreOne() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        let ids = try db.accept([Self.part(1), Self.part(1, key: "udh8:7:3:ACME:+31699999999"), Self.part(1)], now: .testStart)
        #expect(ids[0] == ids[2] && ids[0] != ids[1])
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts WHERE message_id = ?", ids[0]) { $0.int(0) } == 1)
        // After completion, part 2 again is still that message, not a new assembly.
        _ = try db.accept([Self.part(2), Self.part(3)], now: .testStart)
        #expect(try db.accept([Self.part(2)], now: .testStart + .seconds(5)) == [ids[0]])
        #expect(try db.connection.queryFirst("SELECT count(*) FROM messages WHERE assembly_key = ?", "udh8:7:3:ACME:+31612345678") { $0.int(0) } == 1)
    }

    /// Kannel asks for a report on the first part only: the message then wants one, and every
    /// part gets TP-SRR (first octet 0x41 → 0x61) when the set is complete.
    @Test func reportOnOnePartSetsSRRInAll() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        let ids = try db.accept([Self.part(1, report: true), Self.part(2), Self.part(3)], now: .testStart)
        let hexes = try db.connection.query("SELECT pdu_hex FROM message_parts WHERE message_id = ? ORDER BY seq", ids[0]) { $0.text(0) }
        #expect(hexes.allSatisfy { $0.hasPrefix("61") } && hexes.count == 3)
        #expect(try db.connection.queryFirst("SELECT registered_delivery FROM messages WHERE id = ?", ids[0]) { $0.bool(0) } == true)
    }

    /// Part 2 never comes: before the deadline nothing happens; after it the message is failed,
    /// its history names the missing part, and the failed DLR the part that arrived asked for is
    /// queued (part 3 asked for none).
    @Test func missingPartFailsAtDeadline() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        let ids = try db.accept([Self.part(1, report: true), Self.part(3)], now: .testStart, assemblyTimeout: .seconds(600))
        #expect(try db.failIncompleteAssemblies(now: .testStart + .seconds(599), limit: 10).isEmpty)
        #expect(try db.failIncompleteAssemblies(now: .testStart + .seconds(600), limit: 10) == [ids[0]])
        #expect(try db.state(of: ids[0]) == .failed)
        #expect(try db.history(of: ids[0]).last?.detail == "assembly timed out: parts 2 of 3 missing")
        let outbox = try db.connection.query("SELECT kind, message_id, payload FROM upstream_outbox") { ($0.text(0), $0.int64(1), $0.blob(2)) }
        #expect(outbox.count == 1 && outbox.first?.0 == "dlr" && outbox.first?.1 == ids[0])
        // Only part 1 asked: its own failed receipt, for the id its submit was answered with.
        let payload = try outbox.first.map { try DeliveryReportPayload(json: $0.2) }
        #expect(payload?.submitID == "\(ids[0])-1" && payload?.state == .failed)
        // A late part 2 starts a new assembly (the failed one is closed), which fails in its turn.
        let late = try db.accept([Self.part(2)], now: .testStart + .seconds(601))
        let lateState = try db.state(of: late[0])
        #expect(late[0] != ids[0] && lateState == .accepted)
    }

    /// A scheduled message is held, not queued, when its last part arrives.
    @Test func scheduledAssemblyIsHeld() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        var parts = [Self.part(1, of: 2, key: "sar:300:2:ACME:+31612345678"), Self.part(2, of: 2, key: "sar:300:2:ACME:+31612345678")]
        for index in parts.indices { parts[index].scheduleAt = .testStart + .seconds(3600) }
        let ids = try db.accept(parts, now: .testStart)
        #expect(try db.state(of: ids[0]) == .held)
    }

    @Test(arguments: [("41", "61"), ("61", "61"), ("01AB", "21AB"), ("", nil)])
    func statusReportBit(hex: String, expected: String?) {
        #expect(GatewayDatabase.withStatusReportRequest(hex) == expected)
    }
}
