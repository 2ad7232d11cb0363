import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Store status reports")
struct StatusReportTests {
    private func report(modem: Int64, sim: Int64, mr: UInt8, to recipient: String = "31612345678",
                        status: UInt8 = 0) -> NewStatusReport {
        NewStatusReport(modemID: modem, simID: sim, messageReference: mr, recipient: recipient,
                        serviceCentreTime: .testStart + .seconds(3), dischargeTime: .testStart + .seconds(4),
                        status: status, receivedAt: .testStart + .seconds(5))
    }

    private func sentMessage(_ db: GatewayDatabase, modem: Int64, sim: Int64, mr: UInt8, parts: Int = 1) throws -> (Int64, [Int64]) {
        let id = try db.accept([Fixtures.message(parts: parts)], now: .testStart)[0]
        _ = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        let partIDs = try db.connection.query("SELECT id FROM message_parts WHERE message_id = ? ORDER BY seq", id) { $0.int64(0) }
        try Fixtures.markSent(db, parts: partIDs, references: partIDs.indices.map { mr &+ UInt8($0) })
        return (id, partIDs)
    }

    @Test("a report matches by modem, SIM, TP-MR and recipient (with or without '+') and delivers")
    func deliver() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let (id, parts) = try sentMessage(db, modem: modem, sim: sim, mr: 9)
        let incoming = report(modem: modem, sim: sim, mr: 9)
        let reportID = try db.insertStatusReport(incoming)
        #expect(try db.pendingStatusReports(limit: 10).map(\.id) == [reportID])
        let window = (Timestamp.testStart - .seconds(3_600))...(Timestamp.testStart + .seconds(60))
        #expect(try db.reportCandidates(for: incoming, window: window).map(\.partID) == [parts[0]])
        #expect(try db.correlateStatusReport(reportID, partID: parts[0], now: .testStart + .seconds(6)).state == .delivered)
        #expect(try db.state(of: id) == .delivered)
        #expect(try db.pendingStatusReports(limit: 10).isEmpty)
    }

    /// Each case differs from the sent part in one key the store filters on, so it is no
    /// candidate (the recipient is compared by QueueCore's `ReportCorrelation`, tested there).
    @Test("no candidate for another TP-MR, SIM, or outside the window", arguments: [
        "mr", "sim", "window",
    ])
    func noMatch(change: String) throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let otherSim = try db.upsertSim(iccid: "8931440000000000002", imsi: nil, operatorName: nil, modemID: modem,
                                        slot: 1, now: .testStart)
        _ = try sentMessage(db, modem: modem, sim: sim, mr: 9)
        var incoming = report(modem: modem, sim: sim, mr: 9)
        var window = (Timestamp.testStart - .seconds(3_600))...(Timestamp.testStart + .seconds(60))
        switch change {
        case "mr": incoming.messageReference = 10
        case "sim": incoming.simID = otherSim
        default: window = (Timestamp.testStart + .seconds(1))...(Timestamp.testStart + .seconds(60))
        }
        #expect(try db.reportCandidates(for: incoming, window: window).isEmpty)
    }

    @Test("a permanent-error report (TP-ST 0x41) fails the message; 'still trying' (0x20) changes nothing")
    func failures() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let (id, parts) = try sentMessage(db, modem: modem, sim: sim, mr: 200)
        let trying = try db.insertStatusReport(report(modem: modem, sim: sim, mr: 200, status: 0x20))
        #expect(try db.correlateStatusReport(trying, partID: parts[0], now: .testStart).state == .sent)
        let failed = try db.insertStatusReport(report(modem: modem, sim: sim, mr: 200, status: 0x41))
        #expect(try db.correlateStatusReport(failed, partID: parts[0], now: .testStart).state == .failed)
        #expect(try db.history(of: id).map(\.state).suffix(2) == [.sent, .failed])
    }

    @Test("a multi-part message is delivered only when every part is")
    func multipart() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let (id, parts) = try sentMessage(db, modem: modem, sim: sim, mr: 255, parts: 2)  // TP-MR wraps: 255, 0
        let second = try db.insertStatusReport(report(modem: modem, sim: sim, mr: 0))
        #expect(try db.correlateStatusReport(second, partID: parts[1], now: .testStart).state == .sent)
        let first = try db.insertStatusReport(report(modem: modem, sim: sim, mr: 255))
        #expect(try db.correlateStatusReport(first, partID: parts[0], now: .testStart).state == .delivered)
        #expect(try db.state(of: id) == .delivered)
    }

    @Test("an unknown attempt is resolved by a later report for the same recipient")
    func resolvesUnknown() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let id = try db.accept([Fixtures.message()], now: .testStart)[0]
        let attempt = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
        try db.markAttemptUnknown(attempt, detail: "no answer to AT+CMGS", now: .testStart + .seconds(1))
        let incoming = report(modem: modem, sim: sim, mr: 77)
        let window = (Timestamp.testStart - .seconds(60))...(Timestamp.testStart + .seconds(60))
        let candidates = try db.reportCandidates(for: incoming, window: window)
        #expect(candidates.map(\.state) == [.unknown] && candidates.map(\.messageReference) == [nil])
        let part = try #require(candidates.first?.partID)
        let reportID = try db.insertStatusReport(incoming)
        #expect(try db.correlateStatusReport(reportID, partID: part, now: .testStart + .seconds(6)).state == .delivered)
        #expect(try db.connection.queryFirst("SELECT tp_mr FROM message_parts WHERE id = ?", part) { $0.int(0) } == 77)
    }

    @Test("an unmatched report is kept and not offered again")
    func unmatched() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        let reportID = try db.insertStatusReport(report(modem: modem, sim: sim, mr: 1))
        try db.markStatusReportUnmatched(reportID)
        #expect(try db.pendingStatusReports(limit: 10).isEmpty)
        #expect(throws: StoreError.self) { try db.markStatusReportUnmatched(reportID) }
    }

    @Test("TP-ST classes (23.040 §9.2.3.15)", arguments: [
        (UInt8(0x00), DeliveryOutcome.delivered),  // received by the SME
        (0x1F, .delivered),                        // last value of "transaction completed"
        (0x20, .stillTrying),                      // congestion, SC still trying
        (0x3F, .stillTrying),
        (0x40, .failed),                           // remote procedure error
        (0x65, .failed),                           // temporary error, SC no longer trying
        (0x80, .failed),                           // reserved: treated as service rejected
    ])
    func tpStatus(value: UInt8, expected: DeliveryOutcome) {
        #expect(DeliveryOutcome(tpStatus: value) == expected)
    }
}
