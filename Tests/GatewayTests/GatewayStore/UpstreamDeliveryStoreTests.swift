import GatewayCore
import Testing
@testable import GatewayStore

/// The store side of the way back upstream: DLRs for outcomes without a status report,
/// holds of entries with no channel, the reply account of an inbound message, receipt facts and
/// the payloads' JSON.
@Suite("Store upstream delivery")
struct UpstreamDeliveryStoreTests {
    let temporary: TemporaryDatabase
    let db: GatewayDatabase
    let modem: Int64, sim: Int64

    init() throws {
        temporary = try TemporaryDatabase()
        db = try temporary.open()
        (modem, sim) = try Fixtures.modemAndSim(db)
    }

    func message(mask: ReportMask, to destination: String = "+31612345678") throws -> Int64 {
        var message = Fixtures.message(to: destination)
        message.reportMask = mask
        return try db.accept([message], now: .testStart)[0]
    }

    func dlrStates() throws -> [String] {
        try db.connection.query("SELECT payload FROM upstream_outbox WHERE kind = 'dlr' ORDER BY id") {
            (try? DeliveryReportPayload(json: $0.blob(0)))?.state.rawValue ?? "unreadable"
        }
    }

    func send(_ id: Int64) throws {
        _ = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        let part = try #require(try db.connection.queryFirst("SELECT id FROM message_parts WHERE message_id = ?", id) { $0.int64(0) })
        _ = try db.markPartSent(partID: part, messageReference: 7, now: .testStart + .seconds(1))
    }

    /// Mask .sent: reaching `sent` queues an intermediate DLR; a mask without it queues none.
    @Test func sentQueuesAnIntermediateDLROnlyWhenAsked() throws {
        let wanted = try message(mask: [.delivered, .sent])
        let plain = try message(mask: .final, to: "+31612345679")
        try send(wanted)
        try send(plain)
        #expect(try dlrStates() == ["sent"])
    }

    /// failed (no retry left), expired (sweep and decision), cancelled: each queues a final DLR
    /// when the mask has .failed, in the transaction of the transition; none for mask .delivered.
    @Test func finalFailuresQueueDLRsWhenTheMaskHasFailed() throws {
        let failed = try message(mask: .final)
        let attempt = try Fixtures.begin(db, message: failed, modem: modem, sim: sim, at: .testStart)
        try db.failAttempt(attempt, errorCode: 500, detail: "+CMS ERROR: 500", retry: false, now: .testStart)
        let expired = try message(mask: [.failed])
        #expect(try db.expireMessage(expired, reason: "validity", now: .testStart))
        let cancelled = try message(mask: .final)
        #expect(try db.cancelWaitingMessage(cancelled, actor: .operator, reason: "test", now: .testStart))
        let quiet = try message(mask: [.delivered])
        #expect(try db.expireMessage(quiet, reason: "validity", now: .testStart))
        let retried = try message(mask: .final)
        let second = try Fixtures.begin(db, message: retried, modem: modem, sim: sim, at: .testStart)
        try db.failAttempt(second, errorCode: 1, detail: "temporary", retry: true, now: .testStart)  // queued again: no DLR
        #expect(try dlrStates() == ["failed", "expired", "cancelled"])
        let accounts = try db.connection.query("SELECT account, message_id FROM upstream_outbox ORDER BY id") { ($0.text(0), $0.int64(1)) }
        #expect(accounts.map(\.0) == ["acme", "acme", "acme"] && accounts.map(\.1) == [failed, expired, cancelled])
    }

    /// The validity sweep expires in bulk: each expired message with mask .failed gets its DLR.
    @Test func expirySweepQueuesDLRs() throws {
        var message = Fixtures.message(expiresAt: .testStart + .seconds(10))
        message.reportMask = .final
        _ = try db.accept([message, message], now: .testStart)
        #expect(try db.expireDue(now: .testStart + .seconds(11), limit: 10).count == 2)
        #expect(try dlrStates() == ["expired", "expired"])
        #expect(try db.lastOutboxID() == 2)
    }

    /// A held entry gives its attempt back and is not claimed until released; release leaves an
    /// entry that is claimed right now (due at its lease end) alone.
    @Test func holdAndRelease() throws {
        let id = try message(mask: .final)
        let first = try db.enqueueOutbox(kind: .dlr, account: "acme", messageID: id, payload: [1], now: .testStart)
        let second = try db.enqueueOutbox(kind: .dlr, account: "acme", messageID: id, payload: [2], now: .testStart)
        let claimed = try db.claimDueOutbox(now: .testStart, lease: .seconds(60), limit: 10)
        #expect(claimed.map(\.id) == [first, second])
        try db.holdOutbox(first, until: .testStart + .seconds(3600))
        try db.retryOutbox(second, at: .testStart + .seconds(30), error: "x")  // not held: not released
        #expect(try db.claimDueOutbox(now: .testStart + .seconds(61), lease: .seconds(60), limit: 10).map(\.id) == [second])
        // `second` is claimed again (due at +121 s): a release with claimedUntil +121 s must skip it.
        try db.retryOutbox(second, at: .testStart + .seconds(3600), error: GatewayDatabase.heldMarker)
        #expect(try db.releaseHeldOutbox(account: "acme", now: .testStart + .seconds(62), claimedUntil: .testStart + .seconds(3600)) == 0)
        #expect(try db.releaseHeldOutbox(account: "other", now: .testStart + .seconds(62), claimedUntil: .testStart + .seconds(122)) == 0)
        #expect(try db.releaseHeldOutbox(account: "acme", now: .testStart + .seconds(62), claimedUntil: .testStart + .seconds(122)) == 2)
        let again = try db.claimDueOutbox(now: .testStart + .seconds(62), lease: .seconds(60), limit: 10)
        #expect(again.map(\.id) == [first, second])
        #expect(again.first?.attempts == 1)  // the held claim was given back
    }

    /// A reply goes to the account whose MT reached the originator from the same SIM within the
    /// window: not another SIM's, not one sent before the window.
    @Test func replyAccountBySIMAndWindow() throws {
        var mine = Fixtures.message(to: "+31600000001")
        mine.account = "shop"
        let id = try db.accept([mine], now: .testStart)[0]
        try send(id)
        #expect(try db.replyAccount(originator: "+31600000001", simID: sim, since: .testStart) == "shop")
        #expect(try db.replyAccount(originator: "+31600000001", simID: sim, since: .testStart + .seconds(2)) == nil)
        let other = try db.upsertSim(iccid: "8931440000000000009", imsi: nil, operatorName: nil, modemID: modem, slot: 1, now: .testStart)
        #expect(try db.replyAccount(originator: "+31600000001", simID: other, since: .testStart) == nil)
        #expect(try db.replyAccount(originator: "+31600000002", simID: sim, since: .testStart) == nil)
        #expect(try db.simIdentity(sim)?.iccid == "8931440000000000001")
    }

    /// Receipt facts: the submit time, text, addresses, parts, and the TP-Status of the report.
    @Test func receiptFacts() throws {
        let id = try message(mask: .final)
        let facts = try #require(try db.receiptFacts(messageID: id, statusReportID: 0))
        #expect(facts.submittedAt == .testStart && facts.text == "hello" && facts.source == "ACME")
        #expect(facts.destination == "+31612345678" && facts.parts == 1 && facts.partsDelivered == 0)
        #expect(facts.reportStatus == nil && facts.dlrURL == nil)
        #expect(try db.receiptFacts(messageID: 999, statusReportID: 0) == nil)
    }

    /// The MO payload round-trips through its JSON (sorted keys, nulls written); a DLR payload
    /// written by the store reads back; garbage is a PayloadError naming the kind.
    @Test func payloadsRoundTrip() throws {
        let mo = InboundPayload(inboundID: 7, originator: "+31600000001", simID: 3, iccid: "8931440000000000001", msisdn: nil,
                                text: "Ja \"graag\" ✓", receivedAt: .testStart, complete: false)
        let json = String(decoding: mo.jsonOctets, as: UTF8.self)
        #expect(json.hasPrefix("{\"complete\":false,\"iccid\":\"8931440000000000001\",\"inbound_id\":7,\"msisdn\":null,"))
        #expect(try InboundPayload(json: mo.jsonOctets) == mo)
        let dlr = DeliveryReportPayload(messageID: 5, upstreamMessageID: "u-1", clientReference: nil, state: .expired,
                                        at: .testStart, statusReportID: 9)
        #expect(try DeliveryReportPayload(json: Array(dlr.json.utf8)) == dlr)
        #expect(throws: PayloadError.self) { try InboundPayload(json: Array("{\"inbound_id\":1}".utf8)) }
        #expect(throws: PayloadError.self) { try DeliveryReportPayload(json: [0xFF]) }
    }
}

extension UpstreamDeliveryStoreTests {
    /// A batch's outcomes in one transaction: done, retried, dead, held; an entry no longer
    /// pending is skipped, not an error that would undo the others.
    @Test func settleRecordsABatch() throws {
        let id = try message(mask: .final)
        let entries = try (0..<5).map { _ in
            try db.enqueueOutbox(kind: .dlr, account: "acme", messageID: id, payload: [1], now: .testStart)
        }
        _ = try db.claimDueOutbox(now: .testStart, lease: .seconds(60), limit: 10)
        try db.completeOutbox(entries[4], now: .testStart)
        let recorded = try db.settleOutbox([
            .done(entries[0]), .retry(entries[1], at: .testStart + .seconds(5), error: "no answer"),
            .dead(entries[2], error: "refused"), .held(entries[3], until: .testStart + .seconds(600)), .done(entries[4]),
        ], now: .testStart + .seconds(1))
        #expect(recorded == 4)
        let rows = try db.connection.query("SELECT state, attempts, last_error FROM upstream_outbox ORDER BY id") {
            "\($0.text(0)) \($0.int(1)) \($0.optionalText(2) ?? "-")"
        }
        #expect(rows == ["done 1 -", "pending 1 no answer", "dead 1 refused", "pending 0 \(GatewayDatabase.heldMarker)", "done 1 -"])
    }
}
