import GatewayCore
import Testing
@testable import GatewayStore

/// An abandoned message keeps what arrived and is forwarded; a part
/// delivered again after its message finished is dropped, not the start of a new message.
@Suite("Store inbound: abandoned messages and repeated parts")
struct InboundAbandonTests {
    private func part(_ modem: Int64, _ sim: Int64, seq: Int, of total: Int, ref: Int = 42, text: String,
                      at seconds: Int = 0) -> NewInboundPart {
        NewInboundPart(modemID: modem, simID: sim, originator: "+31611111111",
                       concatenation: .init(reference: ref, total: total, sequence: seq),
                       pduHex: "0004", text: text, serviceCentreTime: .testStart, receivedAt: .testStart + .seconds(seconds))
    }

    @Test("abandoned: the parts that arrived in order, a marker per missing part, forwarded marked incomplete")
    func abandonKeepsText() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        // Parts 4 and 1 of 4 arrive (out of order); 2 and 3 never do: two markers, in place.
        let fourth = try db.storeInboundPart(part(modem, sim, seq: 4, of: 4, text: "D"))
        _ = try db.storeInboundPart(part(modem, sim, seq: 1, of: 4, text: "A"))
        // A second message, younger than the cutoff, must stay incomplete.
        let young = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, ref: 7, text: "x", at: 100))
        let abandoned = try db.abandonIncompleteInbound(receivedBefore: .testStart + .seconds(50), now: .testStart + .seconds(60))
        #expect(abandoned == [fourth.inboundID])
        let forward = try db.inboundReadyToForward(limit: 10)
        #expect(forward.map(\.text) == ["A[…][…]D"])
        #expect(forward.map(\.isComplete) == [false])
        #expect(forward.first?.completedAt == .testStart + .seconds(60))
        let state = try db.connection.queryFirst("SELECT state FROM inbound_messages WHERE id = ?", fourth.inboundID) { $0.text(0) }
        #expect(state == "abandoned")
        let youngState = try db.connection.queryFirst("SELECT state FROM inbound_messages WHERE id = ?", young.inboundID) { $0.text(0) }
        #expect(youngState == "incomplete")
        // Forwarded once, like a complete message.
        _ = try db.forwardInbound(fourth.inboundID, account: "acme", payload: [1], now: .testStart + .seconds(61))
        #expect(try db.inboundReadyToForward(limit: 10).isEmpty)
        // A second sweep finds nothing more to abandon.
        #expect(try db.abandonIncompleteInbound(receivedBefore: .testStart + .seconds(50), now: .testStart + .seconds(70)).isEmpty)
    }

    @Test("the marker text for each pattern of missing parts", arguments: [
        // Only the last part arrived.
        ([3: "c"], 3, "[…][…]c"),
        // Only the first part arrived.
        ([1: "a"], 3, "a[…][…]"),
        // The middle one is missing.
        ([1: "a", 3: "c"], 3, "a[…]c"),
    ])
    func markers(texts: [Int: String], total: Int, expected: String) {
        #expect(GatewayDatabase.assembleAbandoned(texts, total: total) == expected)
    }

    @Test("a part delivered again after its message completed is dropped, not a new message")
    func repeatAfterComplete() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        _ = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "A"))
        let done = try db.storeInboundPart(part(modem, sim, seq: 2, of: 2, text: "B", at: 5))
        #expect(done.completedText == "AB")
        let again = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "A", at: 30), repeatWindow: .seconds(3600))
        #expect(again.isRepeatOfFinished && !again.isNewPart && again.inboundID == done.inboundID)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM inbound_messages") { $0.int(0) } == 1)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM inbound_parts") { $0.int(0) } == 2)
    }

    @Test("a repeated part of an abandoned message is dropped too; a late missing part is not a repeat")
    func repeatAfterAbandon() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let first = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "A"))
        _ = try db.abandonIncompleteInbound(receivedBefore: .testStart + .seconds(1), now: .testStart + .seconds(1))
        let repeated = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "A", at: 2))
        #expect(repeated.isRepeatOfFinished && repeated.inboundID == first.inboundID)
        let late = try db.storeInboundPart(part(modem, sim, seq: 2, of: 2, text: "B", at: 3))
        #expect(!late.isRepeatOfFinished && late.isNewPart && late.inboundID != first.inboundID)
    }

    @Test("outside the window the same reference is a new message (references wrap around)")
    func repeatOutsideWindow() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let single = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "A"))
        _ = try db.storeInboundPart(part(modem, sim, seq: 2, of: 2, text: "B"))
        let later = try db.storeInboundPart(part(modem, sim, seq: 1, of: 2, text: "A2", at: 7200), repeatWindow: .seconds(3600))
        #expect(!later.isRepeatOfFinished && later.isNewPart && later.inboundID != single.inboundID)
    }

    @Test("modem identity: vendor, model and IMEI are stored on the modem's row; an unknown modem is refused")
    func modemIdentity() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, _) = try Fixtures.modemAndSim(db)
        try db.setModemIdentity(modem, vendor: "SIMCOM", model: "SIM800", imei: "866123456789012", now: .testStart)
        let row = try db.connection.queryFirst("SELECT vendor, model, imei FROM modems WHERE id = ?", modem) {
            "\($0.text(0))/\($0.text(1))/\($0.text(2))"
        }
        #expect(row == "SIMCOM/SIM800/866123456789012")
        #expect(throws: StoreError.self) {
            try db.setModemIdentity(modem + 99, vendor: nil, model: nil, imei: nil, now: .testStart)
        }
    }

    @Test("migration 5 keeps inbound rows and the references to them; an old abandoned row is swept again")
    func migrationFromVersion4() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        do {
            let connection = try SQLiteConnection(path: temporary.path)
            try connection.execute("PRAGMA foreign_keys = ON")
            try Migrator(migrations: Array(ShippedMigrations.all.prefix(4))).migrate(connection, now: .testStart)
            try connection.execute("""
                INSERT INTO modems (id, name, device, updated_at) VALUES (1, 'm1', '/dev/x', 0);
                INSERT INTO inbound_messages (id, modem_id, originator, concat_ref, concat_total, parts_received, state,
                                              first_received_at) VALUES (1, 1, '+3161', 9, 2, 1, 'abandoned', 0);
                INSERT INTO inbound_parts (inbound_id, seq, pdu_hex, text, received_at) VALUES (1, 2, '00', 'tail', 0);
                INSERT INTO inbound_messages (id, modem_id, originator, state, text, completed_at, parts_received,
                                              first_received_at) VALUES (2, 1, '+3162', 'complete', 'hi', 0, 1, 0);
                INSERT INTO upstream_outbox (kind, account, inbound_id, payload, next_attempt_at, created_at)
                    VALUES ('mo', 'acme', 2, x'00', 0, 0);
                """)
            connection.close()
        }
        let db = try temporary.open()
        #expect(try db.schemaVersion() == ShippedMigrations.latestVersion)
        #expect(try db.connection.query("PRAGMA foreign_key_check") { $0.text(0) }.isEmpty)
        #expect(try db.connection.queryFirst("PRAGMA foreign_keys") { $0.int(0) } == 1)
        #expect(try db.connection.queryFirst("SELECT state FROM inbound_messages WHERE id = 1") { $0.text(0) } == "incomplete")
        #expect(try db.abandonIncompleteInbound(receivedBefore: .testStart, now: .testStart) == [1])
        #expect(try db.inboundReadyToForward(limit: 5).map(\.text) == ["[…]tail", "hi"])
    }
}
