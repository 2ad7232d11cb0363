import ModemProfiles
import SMSCodec
import Testing
@testable import ModemSimulator

@Suite("Simulated modem: sending and status reports")
struct SendingTests {
    /// A one-part SUBMIT to +31612345678 with a status report requested, SMSC omitted (00).
    static func submitPDU(report: Bool = true) throws -> (hex: String, length: Int) {
        let destination = try SMSAddress(parsing: "+31612345678", field: .destination)
        let encoded = try SubmitEncoder.encode(SubmitRequest(destination: destination, text: "Hello", requestStatusReport: report))
        let part = try #require(encoded.parts.first)
        return (part.hex, part.tpduLength)
    }

    static func ready(_ settings: SimulationSettings = .realistic) -> ModemHarness {
        var harness = ModemHarness(settings: settings)
        _ = harness.send("ATE0\r")
        _ = harness.send("AT+CMEE=1\r")
        return harness
    }

    @Test("PDU mode: prompt, body, Ctrl-Z, then +CMGS after the profile's sending time")
    func pduSubmit() throws {
        var harness = Self.ready()
        let pdu = try Self.submitPDU()
        #expect(harness.send("AT+CMGS=\(pdu.length)\r") == "\r\n> ")
        #expect(harness.send(pdu.hex + "\u{1A}") == "")
        #expect(harness.advance(by: .milliseconds(2_499)) == "")  // SIM800 takes 2.5 s
        #expect(harness.advance(by: .milliseconds(1)).lines == ["+CMGS: 0", "OK"])
        // The next message gets the next reference.
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")
        #expect(harness.advance(by: .seconds(3)).lines == ["+CMGS: 1", "OK"])
    }

    @Test("a command written while the module is sending is answered after +CMGS")
    func busyQueuesInput() throws {
        var harness = Self.ready()
        let pdu = try Self.submitPDU()
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")
        #expect(harness.send("AT+CSQ\r") == "")
        #expect(harness.advance(by: .seconds(3)).lines == ["+CMGS: 0", "OK", "+CSQ: 21,99", "OK"])
    }

    @Test("ESC cancels the body; a length that does not match the PDU is refused with 304")
    func cancelAndMismatch() throws {
        var harness = Self.ready()
        let pdu = try Self.submitPDU()
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        #expect(harness.send("0011\u{1B}").lines == ["OK"])
        _ = harness.send("AT+CMGS=\(pdu.length + 1)\r")
        #expect(harness.send(pdu.hex + "\u{1A}").lines == ["+CMS ERROR: 304"])
    }

    @Test("text mode: AT+CMGS=\"<da>\", the text, Ctrl-Z (27.005 §4.3)")
    func textSubmit() {
        var harness = Self.ready(.fast)
        _ = harness.send("AT+CMGF=1\r")
        #expect(harness.send("AT+CMGS=\"+31612345678\"\r") == "\r\n> ")
        _ = harness.send("Hello there\u{1A}")
        #expect(harness.settle().lines == ["+CMGS: 0", "OK"])
    }

    @Test("CNMI ds=1: the status report comes as +CDS with the PDU of the right TP-MR (Kannel)")
    func routedStatusReport() throws {
        var harness = Self.ready(.fast)
        _ = harness.send("AT+CNMI=1,2,0,1,0\r")
        let pdu = try Self.submitPDU()
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")
        let lines = harness.settle().lines
        #expect(Array(lines.prefix(2)) == ["+CMGS: 0", "OK"])
        #expect(lines.count == 4)
        let header = try #require(lines.dropFirst(2).first)
        let body = try #require(lines.last)
        #expect(header == "+CDS: \((body.count - 2) / 2)")  // length counts the TPDU, not the empty SMSC
        guard case .statusReport(let report) = try PDUDecoder.decode(hex: body).tpdu else {
            Issue.record("not a status report: \(body)")
            return
        }
        #expect(report.messageReference == 0)
        #expect(report.recipient.displayString == "+31612345678")
    }

    @Test("CNMI ds=2: stored and shown with +CDSI, read back with CMGR (python-gsmmodem)")
    func storedStatusReport() throws {
        var harness = Self.ready(.fast)
        _ = harness.send("AT+CNMI=2,1,0,2\r")
        let pdu = try Self.submitPDU()
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")
        #expect(harness.settle().lines == ["+CMGS: 0", "OK", "+CDSI: \"SM\",1"])
        let read = harness.send("AT+CMGR=1\r").lines
        #expect(read.first?.hasPrefix("+CMGR: 0,,") == true)
        #expect(read.last == "OK")
    }

    @Test("no report is generated when TP-SRR is clear, or under drop-status-reports")
    func noReport() throws {
        var harness = Self.ready(.fast)
        _ = harness.send("AT+CNMI=1,2,0,1,0\r")
        let plain = try Self.submitPDU(report: false)
        _ = harness.send("AT+CMGS=\(plain.length)\r")
        _ = harness.send(plain.hex + "\u{1A}")
        #expect(harness.settle().lines == ["+CMGS: 0", "OK"])
        _ = harness.handle(.misbehave(.dropStatusReports))
        let wanted = try Self.submitPDU()
        _ = harness.send("AT+CMGS=\(wanted.length)\r")
        _ = harness.send(wanted.hex + "\u{1A}")
        #expect(harness.settle().lines == ["+CMGS: 1", "OK"])
    }

    @Test("the outcome mix: all failed when the failed share is 1")
    func outcomeMix() throws {
        var settings = SimulationSettings.fast
        settings.failedShare = 1
        settings.expiredShare = 0
        var harness = Self.ready(settings)
        _ = harness.send("AT+CNMI=1,2,0,1,0\r")
        let pdu = try Self.submitPDU()
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")
        let body = try #require(harness.settle().lines.last)
        guard case .statusReport(let report) = try PDUDecoder.decode(hex: body).tpdu else {
            Issue.record("not a status report")
            return
        }
        #expect(report.status.outcome == .permanentFailure)
    }
}
