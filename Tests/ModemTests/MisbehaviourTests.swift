import ModemProfiles
import SMSCodec
import Testing
@testable import ModemSimulator

@Suite("Simulated modem: named misbehaviours")
struct MisbehaviourTests {
    static func send(_ harness: inout ModemHarness) throws -> [String] {
        let pdu = try SendingTests.submitPDU(report: false)
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        let atOnce = harness.send(pdu.hex + "\u{1A}")
        return (atOnce + harness.settle()).lines
    }

    @Test("hang: no answer at all until a power cycle, after which the modem boots and answers")
    func hang() {
        var harness = SendingTests.ready(.fast)
        _ = harness.handle(.misbehave(.hang))
        #expect(harness.send("AT\r") == "")
        #expect(harness.settle() == "")
        _ = harness.handle(.powerOff)
        _ = harness.handle(.powerOn)
        #expect(harness.settle().lines.first == "RDY")
        #expect(harness.send("AT\r").lines == ["AT", "OK"])
    }

    @Test("hang-in-send: the `> ` prompt comes, the body is taken, then no +CMGS and no answer until a power cycle")
    func hangInSend() throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.handle(.misbehave(.hangInSend))
        #expect(harness.send("AT\r").lines == ["OK"], "alive until the next send (echo off)")
        let pdu = try SendingTests.submitPDU(report: false)
        #expect(harness.send("AT+CMGS=\(pdu.length)\r").contains("> "))
        #expect(harness.send(pdu.hex + "\u{1A}") + harness.settle() == "")
        #expect(harness.send("AT\r") == "")
        #expect(harness.modem.misbehaviours.keys.sorted() == ["hang"])
        _ = harness.handle(.powerOff)
        _ = harness.handle(.powerOn)
        #expect(harness.settle().lines.first == "RDY")
        #expect(harness.send("AT\r").lines == ["AT", "OK"])
    }

    @Test("hang-at-prompt: answered until the next AT+CMGS, which gets no prompt; then no answer until a power cycle")
    func hangAtPrompt() throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.handle(.misbehave(.hangAtPrompt))
        #expect(harness.send("AT\r").lines == ["OK"], "alive until the next send (echo off)")
        let pdu = try SendingTests.submitPDU(report: false)
        #expect(harness.send("AT+CMGS=\(pdu.length)\r") + harness.settle() == "")
        #expect(harness.send("AT\r") == "")
        #expect(harness.modem.misbehaviours.keys.sorted() == ["hang"])
        _ = harness.handle(.powerOff)
        _ = harness.handle(.powerOn)
        #expect(harness.settle().lines.first == "RDY")
        #expect(harness.send("AT\r").lines == ["AT", "OK"])
    }

    @Test("garbage: answers carry bytes that are not text")
    func garbage() {
        var harness = SendingTests.ready(.fast)
        _ = harness.handle(.misbehave(.garbage))
        let bytes = harness.modem.handle(.received(Array("AT\r".utf8)), at: harness.now)
        #expect(bytes.contains { $0 >= 0x80 })
        _ = harness.handle(.clearMisbehaviours)
        #expect(harness.send("AT\r").lines == ["OK"])
    }

    @Test("cms-error CODE at rate 1 fails every send; at rate 0 none")
    func cmsError() throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.handle(.misbehave(.cmsError(code: 500, rate: 1)))
        #expect(try Self.send(&harness) == ["+CMS ERROR: 500"])
        _ = harness.handle(.misbehave(.cmsError(code: 500, rate: 0)))
        #expect(try Self.send(&harness) == ["+CMGS: 0", "OK"])
    }

    @Test("deregister: +CREG URC with stat 0, COPS empty, sends fail with 331")
    func deregister() throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.send("AT+CREG=1\r")
        #expect(harness.handle(.misbehave(.deregister)).lines == ["+CREG: 0"])
        #expect(harness.send("AT+CREG?\r").lines == ["+CREG: 1,0", "OK"])
        #expect(harness.send("AT+COPS?\r").lines == ["+COPS: 0", "OK"])
        #expect(try Self.send(&harness) == ["+CMS ERROR: 331"])
    }

    @Test("block-sim after 2: two sends pass, then registration is denied and sends are rejected")
    func blockSIM() throws {
        var harness = SendingTests.ready(.fast)
        _ = harness.send("AT+CREG=1\r")
        _ = harness.handle(.misbehave(.blockSIM(after: 2)))
        #expect(try Self.send(&harness) == ["+CMGS: 0", "OK"])
        #expect(try Self.send(&harness) == ["+CREG: 3", "+CMGS: 1", "OK"])
        #expect(try Self.send(&harness) == ["+CMS ERROR: 21"])
        // The other SIM is not blocked.
        _ = harness.send("AT+CSDS=1\r")
        _ = harness.settle()
        #expect(try Self.send(&harness) == ["+CMGS: 2", "OK"])
    }

    @Test("slow: sending takes ten times as long")
    func slow() throws {
        var harness = SendingTests.ready()
        _ = harness.handle(.misbehave(.slow))
        let pdu = try SendingTests.submitPDU(report: false)
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")
        #expect(harness.advance(by: .seconds(24)) == "")
        #expect(harness.advance(by: .seconds(1)).lines == ["+CMGS: 0", "OK"])
    }

    @Test("storage-full: CPMS shows the store full and inbound messages are lost")
    func storageFull() {
        var harness = SendingTests.ready(.fast)
        _ = harness.send("AT+CNMI=2,1,0,0\r")
        _ = harness.handle(.misbehave(.storageFull))
        #expect(harness.send("AT+CPMS?\r").lines.first == "+CPMS: \"SM\",30,30,\"SM\",30,30,\"SM\",30,30")
        _ = harness.handle(.inbound(originator: "+31600000001", text: "lost", order: .inOrder))
        #expect(harness.settle() == "")
        _ = harness.handle(.clearMisbehaviours)
        _ = harness.handle(.inbound(originator: "+31600000001", text: "kept", order: .inOrder))
        #expect(harness.settle().lines == ["+CMTI: \"SM\",1"])
    }
}
