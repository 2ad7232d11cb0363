import ATCommands
import Foundation
import GatewayCore
import GatewayStore
import ModemSession
import Testing

@Suite("ModemSession: receiving")
struct SessionInboundTests {
    static func received(in actions: [SessionAction]) -> [ReceivedPDU] {
        actions.compactMap { if case .received(let pdu) = $0 { pdu } else { nil } }
    }

    @Test("+CMTI → AT+CMGR → the PDU handed over → AT+CMGD; an empty slot (+CMS ERROR: 321) is skipped")
    func readAndDelete() throws {
        var harness = SessionSendingTests.ready()
        let pdu = TestPDUs.deliver(from: "31612345678", text: "hi")
        harness.modem("+CMTI: \"SM\",4")
        #expect(harness.lastWrite == "AT+CMGR=4")
        let read = harness.modem("+CMGR: 0,,\(pdu.count - 1)", TestPDUs.hex(pdu), "OK")
        #expect(Self.received(in: read) == [ReceivedPDU(pdu: pdu, source: .stored(index: 4))])
        #expect(harness.lastWrite == "AT+CMGD=4", "deleted only after it was handed over")
        harness.modem("OK")
        harness.modem("+CMTI: \"SM\",5")
        let empty = harness.modem("+CMS ERROR: 321")
        #expect(Self.received(in: empty).isEmpty)
        #expect(harness.session.status.state == .ready)
    }

    @Test("storage full at a poll: a CMGL sweep reads every stored PDU and deletes each")
    func storageFullSweep() {
        var harness = SessionSendingTests.ready()
        harness.advance(by: .seconds(10))
        harness.modem("+CSQ: 20,0", "OK")
        harness.modem("+CREG: 0,1", "OK")
        harness.modem("+COPS: 0,0,\"Net\"", "OK")
        harness.modem("+CPMS: \"SM\",30,30,\"SM\",30,30,\"SM\",30,30", "OK")
        #expect(harness.lastWrite == "AT+CMGL=4")
        let first = TestPDUs.deliver(from: "4912345", text: "a"), second = TestPDUs.deliver(from: "4912346", text: "b")
        let sweep = harness.modem("+CMGL: 1,1,,\(first.count - 1)", TestPDUs.hex(first),
                                  "+CMGL: 7,0,,\(second.count - 1)", TestPDUs.hex(second), "OK")
        #expect(Self.received(in: sweep).map(\.source) == [.stored(index: 1), .stored(index: 7)])
        #expect(harness.lastWrite == "AT+CMGD=1")
        harness.modem("OK")
        #expect(harness.lastWrite == "AT+CMGD=7")
    }

    @Test("+CDS (routed status report) is handed over and decodes to TP-MR, recipient, TP-ST")
    func routedStatusReport() throws {
        var harness = SessionSendingTests.ready()
        let pdu = TestPDUs.statusReport(reference: 17, to: "31612345678", status: 0)
        let actions = harness.modem("+CDS: \(pdu.count - 1)", TestPDUs.hex(pdu))
        let received = try #require(Self.received(in: actions).first)
        #expect(received.source == .routed)
        guard case .statusReport(let report) = try ReceivedContent.decode(received) else {
            Issue.record("expected a status report")
            return
        }
        #expect(report.messageReference == 17)
        #expect(report.recipient == "+31612345678")
        #expect(report.status == 0)
        #expect(report.dischargeTime.millisecondsSince1970 - report.serviceCentreTime.millisecondsSince1970 == 60_000)
    }

    @Test("a 3-part message arriving out of order (3, 1, 1 again, 2) is stored once and reassembled in order")
    func threePartsOutOfOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("modemd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Timestamp(secondsSince1970: 1_773_230_400)
        let store = try GatewayDatabase(path: directory.appendingPathComponent("s.sqlite").path, now: now)
        let modemID = try store.upsertModem(name: "m1", device: "/dev/null", now: now)

        var harness = SessionSendingTests.ready()
        let texts = ["Hello, ", "this is ", "three parts"]
        var completed: [String] = []
        for (index, sequence) in [3, 1, 1, 2].enumerated() {   // part 1 comes twice: a repeat
            let pdu = TestPDUs.deliver(from: "31611111111", text: texts[sequence - 1],
                                       part: (reference: 0x2A, total: 3, sequence: UInt8(sequence)))
            harness.modem("+CMTI: \"SM\",\(index)")
            let read = harness.modem("+CMGR: 0,,\(pdu.count - 1)", TestPDUs.hex(pdu), "OK")
            harness.modem("OK")  // AT+CMGD
            for received in Self.received(in: read) {
                guard case .message(let part) = try ReceivedContent.decode(received) else { continue }
                let result = try store.storeInboundPart(NewInboundPart(
                    modemID: modemID, simID: nil, originator: part.originator,
                    concatenation: part.concatenation.map { .init(reference: $0.reference, total: $0.total, sequence: $0.sequence) },
                    pduHex: part.pduHex, text: part.text, serviceCentreTime: part.serviceCentreTime, receivedAt: now))
                if let text = result.completedText { completed.append(text) }
            }
        }
        #expect(completed == ["Hello, this is three parts"])
        let rows = try store.connection.query("SELECT count(*) FROM inbound_parts") { $0.int(0) }
        #expect(rows == [3], "the repeated part 1 is stored once")
    }
}
