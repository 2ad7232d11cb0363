import GatewayCore
import Testing
@testable import GatewayStore

@Suite("Report masks and idempotent accepts (migration 7)")
struct ReportMaskAndIdempotencyTests {
    /// SMPP 3.4 §5.2.17: each vector isolates one bit pattern of registered_delivery.
    @Test("registered_delivery → mask", arguments: [
        (UInt8(0x00), ReportMask()),          // no receipt
        (0x01, [.delivered, .failed]),        // receipt on success and failure
        (0x02, [.failed]),                    // failure only
        (0x03, []),                           // reserved value: no receipt
        (0x10, [.sent]),                      // intermediate notification only
        (0x11, [.delivered, .failed, .sent]), // both
        (0x0C, []),                           // SME acknowledgements: meaningless here
    ] as [(UInt8, ReportMask)])
    func smpp(value: UInt8, expected: ReportMask) {
        #expect(ReportMask(smppRegisteredDelivery: value) == expected)
    }

    /// Kannel's dlr-mask bits: 4 (buffered) has no equivalent, 16 (SMSC reject) is a failure.
    @Test("Kannel dlr-mask → mask", arguments: [
        (0, ReportMask()), (1, [.delivered]), (2, [.failed]), (3, [.delivered, .failed]), (4, []),
        (8, [.sent]), (16, [.failed]), (31, [.delivered, .failed, .sent]),
    ] as [(Int, ReportMask)])
    func kannel(value: Int, expected: ReportMask) {
        #expect(ReportMask(kannelDLRMask: value) == expected)
    }

    @Test("which states a mask reports")
    func wants() {
        #expect(ReportMask.final.wants(.delivered) && ReportMask.final.wants(.expired) && !ReportMask.final.wants(.sent))
        #expect(!ReportMask.failed.wants(.delivered) && ReportMask.failed.wants(.cancelled))
        #expect(ReportMask.sent.wants(.sent) && !ReportMask.sent.wants(.queued))
    }

    @Test("mask, dlr-url and key are stored; registeredDelivery follows the mask")
    func stored() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        var message = Fixtures.message()
        message.reportMask = [.failed, .sent]
        message.dlrURL = "http://platform.example/dlr?id=%I&s=%d"
        let id = try db.accept([message], now: .testStart)[0]
        let row = try db.connection.queryFirst(
            "SELECT dlr_mask, dlr_url, registered_delivery FROM messages WHERE id = ?", id,
            row: { ($0.int(0), $0.optionalText(1), $0.int(2)) })
        #expect(row?.0 == 6 && row?.1 == message.dlrURL && row?.2 == 1)
    }

    @Test("the same key and digest is a duplicate, another digest a conflict, even in one batch")
    func idempotency() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        var first = Fixtures.message()
        first.idempotencyKey = "order-17"
        first.requestDigest = "aa"
        var retry = first
        retry.text = "hello"  // same digest: the client sent the same request again
        var reuse = first
        reuse.requestDigest = "bb"
        var otherAccount = first
        otherAccount.account = "globex"  // keys are per account
        let outcomes = try db.acceptOutcomes([first, retry, reuse, otherAccount, Fixtures.message()], now: .testStart)
        guard case .accepted(let id) = outcomes[0], case .accepted(let other) = outcomes[3],
              case .accepted = outcomes[4] else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        #expect(outcomes[1] == .duplicate(id) && outcomes[2] == .conflict(existing: id) && other != id)
        #expect(try db.connection.queryFirst("SELECT count(*) FROM messages") { $0.int(0) } == 3)
        // Later, in another transaction, the key still finds the message.
        #expect(try db.acceptOutcomes([retry], now: .testStart + .seconds(60)) == [.duplicate(id)])
    }

    @Test("a failure-only mask gets no DLR for a delivered message, and one for a failed one")
    func dlrHonoursMask() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let (modem, sim) = try Fixtures.modemAndSim(db)
        var outcomes: [[Int64]] = []
        for (index, status) in [UInt8(0x00), 0x41].enumerated() {
            var message = Fixtures.message()
            message.reportMask = .failed
            let id = try db.accept([message], now: .testStart)[0]
            _ = try Fixtures.begin(db, message: id, modem: modem, sim: sim, at: .testStart)
            let part = try db.connection.queryFirst("SELECT id FROM message_parts WHERE message_id = ?", id) { $0.int64(0) }
            let mr = UInt8(10 + index)
            try db.markPartSent(partID: part ?? 0, messageReference: mr, now: .testStart)
            let report = try db.insertStatusReport(NewStatusReport(
                modemID: modem, simID: sim, messageReference: mr, recipient: "31612345678",
                serviceCentreTime: .testStart, dischargeTime: .testStart, status: status, receivedAt: .testStart))
            outcomes.append(try db.correlateStatusReport(report, partID: part ?? 0, now: .testStart).dlrs)
        }
        #expect(outcomes[0].isEmpty && outcomes[1].count == 1)
    }
}
