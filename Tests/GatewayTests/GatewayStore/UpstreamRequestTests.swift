import GatewayCore
import Testing
@testable import GatewayStore

/// What an upstream account asks about its messages after accept (query_sm, cancel_sm by
/// address, replace_sm): scoped to the account, and replace only while nothing was sent.
@Suite("Store upstream requests")
struct UpstreamRequestTests {
    let temporary: TemporaryDatabase
    let db: GatewayDatabase
    let ids: [Int64]

    init() throws {
        temporary = try TemporaryDatabase()
        db = try temporary.open()
        // Two to one destination, one to another, the last in two parts.
        ids = try db.accept([Fixtures.message(to: "+31600000001"), Fixtures.message(to: "+31600000001"),
                             Fixtures.message(to: "+31600000002", parts: 2)], now: .testStart)
    }

    static func replacement(parts: Int, scheduleAt: Timestamp? = nil) -> MessageReplacement {
        MessageReplacement(text: "new text", encoding: .ucs2,
                           partsHex: (1...parts).map { String(format: "0100%02X0B911316325476F80008020041", $0) },
                           scheduleAt: scheduleAt, expiresAt: .testStart + .seconds(3_600), reportMask: .all)
    }

    @Test("a message is seen by its own account only, with its state and times")
    func ownAccountOnly() throws {
        let status = try #require(try db.upstreamMessage(ids[2], account: "acme"))
        #expect(status.state == .queued && status.source == "ACME" && status.destination == "+31600000002")
        #expect(status.updatedAt == .testStart && status.errorCode == nil && status.encoding == .gsm7)
        #expect(try db.upstreamMessage(ids[2], account: "other") == nil)
        #expect(try db.upstreamMessage(9_999, account: "acme") == nil)
    }

    @Test("the error code of a failed part is reported")
    func errorCode() throws {
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let attempt = try Fixtures.begin(db, message: ids[0], modem: modem, sim: sim, at: .testStart)
        try db.failAttempt(attempt, errorCode: 500, detail: "+CMS ERROR: 500", retry: false, now: .testStart + .seconds(2))
        let status = try #require(try db.upstreamMessage(ids[0], account: "acme"))
        #expect(status.state == .failed)
        #expect(status.errorCode == 500)
        #expect(status.updatedAt == .testStart + .seconds(2))
    }

    @Test("waiting messages by source and destination: held ones too, not sending or other accounts")
    func waitingByAddress() throws {
        #expect(try db.waitingMessageIDs(account: "acme", source: "ACME", destination: "+31600000001") == [ids[0], ids[1]])
        let (modem, sim) = try Fixtures.modemAndSim(db)
        _ = try Fixtures.begin(db, message: ids[0], modem: modem, sim: sim, at: .testStart)
        let held = try db.accept([Fixtures.message(to: "+31600000001", scheduleAt: .testStart + .seconds(60))],
                                 now: .testStart)[0]
        #expect(try db.waitingMessageIDs(account: "acme", source: "ACME", destination: "+31600000001") == [ids[1], held])
        #expect(try db.waitingMessageIDs(account: "other", source: "ACME", destination: "+31600000001").isEmpty)
        #expect(try db.waitingMessageIDs(account: "acme", source: "SHOP", destination: "+31600000001").isEmpty)
    }

    @Test("replace re-plans the parts (two become three), times and receipt, with one history line")
    func replaceQueued() throws {
        let now = Timestamp.testStart + .seconds(5)
        #expect(try db.replaceWaitingMessage(ids[2], account: "acme", with: Self.replacement(parts: 3), now: now))
        let parts = try db.connection.query("SELECT seq, pdu_hex FROM message_parts WHERE message_id = ? ORDER BY seq", ids[2]) {
            "\($0.int(0)):\($0.text(1).prefix(6))"
        }
        #expect(parts == ["1:010001", "2:010002", "3:010003"])
        let row = try #require(try db.connection.queryFirst(
            "SELECT text, encoding, units, expires_at, registered_delivery, dlr_mask, state FROM messages WHERE id = ?", ids[2]) {
                "\($0.text(0))|\($0.text(1))|\($0.int(2))|\($0.int64(3))|\($0.int(4))|\($0.int(5))|\($0.text(6))"
            })
        #expect(row == "new text|ucs2|3|\((Timestamp.testStart + .seconds(3_600)).millisecondsSince1970)|1|7|queued")
        let last = try #require(try db.history(of: ids[2]).last)
        #expect(last.state == .queued && last.actor == .ingress && last.detail.contains("replace_sm"))
        // The picked message carries the new parts.
        let picked = try db.pickSendable(now: now, limit: 10).first { $0.id == ids[2] }
        #expect(picked?.parts.count == 3)
    }

    @Test("a replacement scheduled later holds the message until then")
    func replaceSchedules() throws {
        let later = Timestamp.testStart + .seconds(600)
        #expect(try db.replaceWaitingMessage(ids[0], account: "acme", with: Self.replacement(parts: 1, scheduleAt: later),
                                             now: .testStart))
        #expect(try db.state(of: ids[0]) == .held)
        #expect(try db.pickSendable(now: .testStart + .seconds(1), limit: 10).allSatisfy { $0.id != ids[0] })
    }

    @Test("not replaced once an attempt began, nor when final; other account → notFound")
    func replaceRefused() throws {
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let attempt = try Fixtures.begin(db, message: ids[0], modem: modem, sim: sim, at: .testStart)
        #expect(try !db.replaceWaitingMessage(ids[0], account: "acme", with: Self.replacement(parts: 1), now: .testStart))
        // Back to queued for a retry, the part pending again: replaceable again.
        try db.failAttempt(attempt, errorCode: 38, detail: "+CMS ERROR: 38", retry: true, now: .testStart)
        #expect(try db.state(of: ids[0]) == .queued)
        #expect(try db.replaceWaitingMessage(ids[0], account: "acme", with: Self.replacement(parts: 1), now: .testStart))
        #expect(try db.cancelWaitingMessage(ids[1], actor: .ingress, reason: "test", now: .testStart))
        #expect(try !db.replaceWaitingMessage(ids[1], account: "acme", with: Self.replacement(parts: 1), now: .testStart))
        #expect(throws: StoreError.self) {
            _ = try db.replaceWaitingMessage(ids[2], account: "other", with: Self.replacement(parts: 1), now: .testStart)
        }
        #expect(try db.connection.queryFirst("SELECT text FROM messages WHERE id = ?", ids[2]) { $0.text(0) } == "hello")
    }

    @Test("a multi-part message with one part sent is not replaced (its first part reached the network)")
    func replaceRefusedAfterPartialSend() throws {
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let attempt = try Fixtures.begin(db, message: ids[2], modem: modem, sim: sim, at: .testStart)
        let partIDs = try db.connection.query("SELECT id FROM message_parts WHERE message_id = ? ORDER BY seq", ids[2]) { $0.int64(0) }
        _ = try db.markPartSent(partID: partIDs[0], messageReference: 7, now: .testStart)
        try db.failAttempt(attempt, errorCode: 38, detail: "+CMS ERROR: 38", retry: true, now: .testStart)
        #expect(try db.state(of: ids[2]) == .queued)
        #expect(try !db.replaceWaitingMessage(ids[2], account: "acme", with: Self.replacement(parts: 1), now: .testStart))
    }
}
