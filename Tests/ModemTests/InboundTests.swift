import ModemProfiles
import SMSCodec
import Testing
@testable import ModemSimulator

@Suite("Simulated modem: inbound messages")
struct InboundTests {
    /// 400 GSM-7 characters: three parts of at most 153 septets (23.040 §9.2.3.24.1).
    static let longText = String(repeating: "0123456789", count: 40)

    @Test("CNMI mt=1: stored, +CMTI, read with CMGR as a DELIVER from the sender, deleted with CMGD")
    func storedInbound() throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.send("AT+CNMI=2,1,0,0\r")
        _ = harness.handle(.inbound(originator: "+31612345678", text: "Hi there", order: .inOrder))
        #expect(harness.settle().lines == ["+CMTI: \"SM\",1"])
        let read = harness.send("AT+CMGR=1\r").lines
        #expect(read.count == 3)
        guard case .deliver(let deliver) = try PDUDecoder.decode(hex: read[1]).tpdu else {
            Issue.record("not a DELIVER")
            return
        }
        #expect(deliver.originator.displayString == "+31612345678")
        #expect(deliver.userData.text == "Hi there")
        #expect(read[0] == "+CMGR: 0,,\(deliver.userData.length + 18)" || read[0].hasPrefix("+CMGR: 0,,"))
        #expect(harness.send("AT+CMGR=1\r").lines.first?.hasPrefix("+CMGR: 1,,") == true)  // now read
        #expect(harness.send("AT+CMGD=1\r").lines == ["OK"])
        #expect(harness.send("AT+CMGR=1\r").lines == ["+CMS ERROR: 321"])
    }

    @Test("CNMI mt=2: routed as +CMT with the PDU (27.005 §3.4.1)")
    func routedInbound() throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.send("AT+CNMI=1,2,0,1,0\r")
        _ = harness.handle(.inbound(originator: "+31612345678", text: "routed", order: .inOrder))
        let lines = harness.settle().lines
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("+CMT: ,") == true)
        guard case .deliver(let deliver) = try PDUDecoder.decode(hex: try #require(lines.last)).tpdu else {
            Issue.record("not a DELIVER")
            return
        }
        #expect(deliver.userData.text == "routed")
    }

    @Test("text mode +CMGR shows status, sender, time stamp and the text")
    func textModeRead() {
        var harness = SendingTests.ready(.fast)
        _ = harness.send("AT+CMGF=1\r")
        _ = harness.send("AT+CNMI=2,1,0,0\r")
        _ = harness.handle(.inbound(originator: "+31612345678", text: "plain", order: .inOrder))
        _ = harness.settle()
        #expect(harness.send("AT+CMGL=\"ALL\"\r").lines == [
            "+CMGL: 1,\"REC UNREAD\",\"+31612345678\",,\"24/01/01,00:00:00+00\"", "plain", "OK",
        ])
    }

    @Test("a long text arrives as parts with one concatenation reference, reversed when asked", arguments: [
        SimulatedModem.InboundOrder.inOrder, .reversed, .shuffled,
    ])
    func concatenated(order: SimulatedModem.InboundOrder) throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.send("AT+CNMI=2,1,0,0\r")
        _ = harness.handle(.inbound(originator: "+31612345678", text: Self.longText, order: order))
        #expect(harness.settle().lines == ["+CMTI: \"SM\",1", "+CMTI: \"SM\",2", "+CMTI: \"SM\",3"])
        var sequences: [UInt8] = []
        var joined: [UInt8: String] = [:]
        for index in 1...3 {
            let read = harness.send("AT+CMGR=\(index)\r").lines
            guard case .deliver(let deliver) = try PDUDecoder.decode(hex: read[1]).tpdu,
                let part = deliver.userData.header?.concatenation
            else {
                Issue.record("part \(index) is not a concatenated DELIVER")
                return
            }
            #expect(part.total == 3)
            #expect(part.reference == 1)
            sequences.append(part.sequence)
            joined[part.sequence] = deliver.userData.text
        }
        switch order {
        case .inOrder: #expect(sequences == [1, 2, 3])
        case .reversed: #expect(sequences == [3, 2, 1])
        default: #expect(sequences != [1, 2, 3] && Set(sequences) == [1, 2, 3])
        }
        #expect((1...3).compactMap { joined[UInt8($0)] }.joined() == Self.longText)
    }
}
