import GatewayCore
import Testing
@testable import GatewayStore

/// A message the ESME split itself (GatewayDatabase+Assembly, +SubmitReceipts): one stored
/// message sent as one, but each submitted part keeps the id it was answered with and gets its
/// own receipt — its own status report's outcome, else the message's — at most one final one.
/// Driven through the paths queued and ingressd use (group begin, `markPartsSent`,
/// `correlateStatusReport`, `failAttempt`, `cancelWaitingMessage`, the assembly sweep).
@Suite("Store receipts per submitted part")
struct SubmitReceiptTests {
    let temporary: TemporaryDatabase
    let db: GatewayDatabase
    let modem: Int64, sim: Int64
    static let windows = SimCounterWindows(hour: .testStart, day: .testStart, month: .testStart)

    init() throws {
        temporary = try TemporaryDatabase()
        db = try temporary.open()
        (modem, sim) = try Fixtures.modemAndSim(db)
    }

    /// Part `sequence` of a 2-part message to `destination`, asking for `mask`.
    static func part(_ sequence: Int, to destination: String = "+31612345678", mask: ReportMask = .final) -> NewMessage {
        var message = AssemblyTests.part(sequence, of: 2, key: "udh8:7:2:ACME:\(destination)", text: "part \(sequence) of the text")
        message.destination = destination
        message.reportMask = mask
        return message
    }

    /// Accepts both parts (each its own submit) and returns the message id.
    func splitMessage(_ masks: (ReportMask, ReportMask) = (.final, .final), to destination: String = "+31612345678") throws -> Int64 {
        let first = try db.accept([Self.part(1, to: destination, mask: masks.0)], now: .testStart)[0]
        let second = try db.accept([Self.part(2, to: destination, mask: masks.1)], now: .testStart + .seconds(1))[0]
        #expect(first == second)
        return first
    }

    /// Begins one attempt and records `+CMGS` for every part (TP-MR 10, 11, …); the part ids.
    @discardableResult
    func send(_ messageID: Int64) throws -> [Int64] {
        try Fixtures.begin(db, message: messageID, modem: modem, sim: sim, at: .testStart + .seconds(2), windows: Self.windows)
        let parts = try db.connection.query("SELECT id FROM message_parts WHERE message_id = ? ORDER BY seq", messageID) { $0.int64(0) }
        try Fixtures.markSent(db, parts: parts, references: parts.indices.map { UInt8(10 + $0) }, at: .testStart + .seconds(3))
        return parts
    }

    /// A status report with TP-ST `status` for `partID` (sent with TP-MR `reference`), correlated.
    func report(_ status: UInt8, part partID: Int64, reference: UInt8, at seconds: Int64) throws -> (id: Int64, dlrs: [Int64]) {
        let report = try db.insertStatusReport(NewStatusReport(
            modemID: modem, simID: sim, messageReference: reference, recipient: "31612345678",
            serviceCentreTime: .testStart, dischargeTime: .testStart + .seconds(seconds), status: status,
            receivedAt: .testStart + .seconds(seconds)))
        return (report, try db.correlateStatusReport(report, partID: partID, now: .testStart + .seconds(seconds)).dlrs)
    }

    /// The DLR payloads in the outbox, oldest first.
    func receipts() throws -> [DeliveryReportPayload] {
        try db.connection.query("SELECT payload FROM upstream_outbox WHERE kind = 'dlr' ORDER BY id") { $0.blob(0) }
            .map { try DeliveryReportPayload(json: $0) }
    }

    @Test("each part keeps the id its submit was answered with, its own mask and time; a message the box split has none")
    func partsKeepTheirSubmitIDs() throws {
        let id = try splitMessage((.final, []))
        let rows = try db.connection.query(
            "SELECT submit_id, submit_dlr_mask, accepted_at FROM message_parts WHERE message_id = ? ORDER BY seq", id
        ) { ($0.optionalText(0), $0.optionalInt(1), $0.optionalInt64(2)) }
        #expect(rows.map(\.0) == ["\(id)-1", "\(id)-2"])
        #expect(rows.map(\.0) == [Self.part(1).answerID(storedIn: id), Self.part(2).answerID(storedIn: id)])
        #expect(rows.map(\.1) == [ReportMask.final.rawValue, 0])
        #expect(rows.map(\.2) == [Timestamp.testStart.millisecondsSince1970, (Timestamp.testStart + .seconds(1)).millisecondsSince1970])
        // Part 2 sent again (a lost submit_sm_resp): the same message, the same id, nothing new.
        #expect(try db.accept([Self.part(2)], now: .testStart + .seconds(5)) == [id])
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts WHERE submit_id = ?", "\(id)-2") { $0.int(0) } == 1)

        let whole = try db.accept([Fixtures.message(parts: 2)], now: .testStart)[0]
        #expect(Fixtures.message(parts: 2).answerID(storedIn: whole) == String(whole))
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts WHERE message_id = ? AND submit_id IS NULL", whole) { $0.int(0) } == 2)
    }

    @Test("each part's own report gives it its own receipt at once; a second report for it gives none")
    func ownReportsOwnReceipts() throws {
        let id = try splitMessage()
        let parts = try send(id)
        #expect(try receipts().isEmpty, "the mask asks for final outcomes only")
        let delivered = try report(0x00, part: parts[0], reference: 10, at: 10)
        #expect(delivered.dlrs.count == 1, "part 1 delivered: its receipt now, the message still waits for part 2")
        #expect(try db.state(of: id) == .sent)
        let failed = try report(0x41, part: parts[1], reference: 11, at: 11)
        #expect(failed.dlrs.count == 1)
        #expect(try db.state(of: id) == .failed)
        _ = try report(0x00, part: parts[0], reference: 10, at: 12)
        let all = try receipts()
        #expect(all.map(\.submitID) == ["\(id)-1", "\(id)-2"])
        #expect(all.map(\.state) == [.delivered, .failed])
        #expect(all.map(\.statusReportID) == [delivered.id, failed.id], "each with its own report (err:, network_error_code)")
        #expect(all.allSatisfy { $0.messageID == id })
    }

    @Test("a part without a report of its own gets the message's outcome, once; its late report adds nothing")
    func messageOutcomeForTheRest() throws {
        let id = try splitMessage()
        let parts = try send(id)
        let failed = try report(0x41, part: parts[0], reference: 10, at: 10)
        #expect(failed.dlrs.count == 2, "part 1's own, then part 2's: the message failed")
        _ = try report(0x00, part: parts[1], reference: 11, at: 11)
        let all = try receipts()
        #expect(all.map(\.submitID) == ["\(id)-1", "\(id)-2"])
        #expect(all.map(\.state) == [.failed, .failed])
        #expect(all.map(\.statusReportID) == [failed.id, failed.id], "the report that settled the message")
    }

    @Test("Kannel asks on the first part only: one receipt, for that part's id")
    func firstPartOnly() throws {
        let id = try splitMessage((.final, []))
        let parts = try send(id)
        _ = try report(0x00, part: parts[0], reference: 10, at: 10)
        _ = try report(0x00, part: parts[1], reference: 11, at: 11)
        #expect(try db.state(of: id) == .delivered)
        #expect(try receipts().map(\.submitID) == ["\(id)-1"])
    }

    @Test("intermediate receipts (registered_delivery 0x11) per part, then the final ones")
    func sentThenDelivered() throws {
        let mask = ReportMask(smppRegisteredDelivery: 0x11)
        let id = try splitMessage((mask, mask))
        let parts = try send(id)
        #expect(try receipts().map(\.state) == [.sent, .sent])
        _ = try report(0x00, part: parts[0], reference: 10, at: 10)
        _ = try report(0x00, part: parts[1], reference: 11, at: 11)
        let all = try receipts()
        #expect(all.map(\.state) == [.sent, .sent, .delivered, .delivered])
        #expect(all.map(\.submitID) == ["\(id)-1", "\(id)-2", "\(id)-1", "\(id)-2"])
    }

    @Test("a failed attempt (no retry) and a cancel give every part that asked its receipt")
    func failedAndCancelled() throws {
        let failed = try splitMessage()
        try Fixtures.begin(db, message: failed, modem: modem, sim: sim, windows: Self.windows)
        let attempt = try #require(try db.connection.queryFirst("SELECT id FROM attempts WHERE message_id = ?", failed) { $0.int64(0) })
        try db.failAttempt(attempt, errorCode: 500, detail: "refused", retry: false, now: .testStart + .seconds(2))
        let cancelled = try splitMessage(to: "+31699999999")
        #expect(try db.cancelWaitingMessage(cancelled, actor: .operator, reason: "test", now: .testStart + .seconds(3)))
        let all = try receipts()
        #expect(all.map(\.submitID) == ["\(failed)-1", "\(failed)-2", "\(cancelled)-1", "\(cancelled)-2"])
        #expect(all.map(\.state) == [.failed, .failed, .cancelled, .cancelled])
        #expect(all.allSatisfy { $0.statusReportID == 0 })
    }

    @Test("a message split by the box keeps one receipt, with its own id, and the payload reads as before")
    func boxSplitKeepsOne() throws {
        var message = Fixtures.message(parts: 2)
        message.reportMask = .final
        let id = try db.accept([message], now: .testStart)[0]
        let parts = try send(id)
        _ = try report(0x00, part: parts[0], reference: 10, at: 10)
        _ = try report(0x00, part: parts[1], reference: 11, at: 11)
        let all = try receipts()
        #expect(all.count == 1 && all.first?.submitID == nil && all.first?.reportedID == String(id))
        let json = try db.connection.queryFirst("SELECT CAST(payload AS TEXT) FROM upstream_outbox") { $0.text(0) } ?? ""
        #expect(!json.contains("submit_id"))
    }

    @Test("a receipt's facts for one part: its submit's time, its own text, one part")
    func partFacts() throws {
        let id = try splitMessage()
        let parts = try send(id)
        let delivered = try report(0x00, part: parts[1], reference: 11, at: 10)
        let facts = try #require(try db.receiptFacts(messageID: id, submitID: "\(id)-2", statusReportID: delivered.id))
        #expect(facts.submittedAt == .testStart + .seconds(1))
        #expect(facts.text == "part 2 of the text")
        #expect(facts.parts == 1 && facts.partsDelivered == 1 && facts.reportStatus == 0)
        #expect(try db.receiptFacts(messageID: id, submitID: "\(id)-3", statusReportID: 0) == nil)
    }

    @Test("a part's id names its whole message for query/cancel; ids never given name nothing; no replace")
    func lookupBySubmitID() throws {
        let id = try splitMessage()
        let found = try #require(try db.upstreamMessage(submitID: SubmitID(messageID: id, part: 2), account: "acme"))
        #expect(found.id == id && found.splitBySubmitter)
        #expect(try db.upstreamMessage(submitID: SubmitID(messageID: id, part: 3), account: "acme") == nil)
        #expect(try db.upstreamMessage(submitID: SubmitID(messageID: id, part: 1), account: "other") == nil)
        let whole = try db.accept([Fixtures.message(parts: 2)], now: .testStart)[0]
        #expect(try db.upstreamMessage(submitID: SubmitID(messageID: whole, part: 1), account: "acme") == nil)
        #expect(try db.upstreamMessage(whole, account: "acme")?.splitBySubmitter == false)
        let replacement = MessageReplacement(text: "new", encoding: .gsm7, partsHex: [Fixtures.message().partsHex[0]],
                                             expiresAt: .testStart + .seconds(3_600), reportMask: [])
        #expect(try db.replaceWaitingMessage(id, account: "acme", with: replacement, now: .testStart) == false)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM message_parts WHERE message_id = ?", id) { $0.int(0) } == 2)
    }
}
