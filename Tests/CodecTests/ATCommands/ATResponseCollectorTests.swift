import Testing
@testable import ATCommands

/// The response collector: a command is sent, bytes come back, events go out. Each scenario
/// is fed all at once and one byte at a time; both must give the same events.
@Suite struct ATResponseCollectorTests {
    /// Runs `output` through a collector after `command` was sent, whole and drip-fed, and
    /// checks both give the same events.
    func events(after command: ATCommand?, _ output: String, body: String? = nil) -> [ATEvent] {
        var whole = ATResponseCollector()
        var drip = ATResponseCollector()
        if let command {
            whole.commandSent(command)
            drip.commandSent(command)
        }
        if let body {
            whole.bodySent(body)
            drip.bodySent(body)
        }
        let bytes = Array(output.utf8)
        let wholeEvents = whole.receive(bytes)
        var dripEvents: [ATEvent] = []
        for byte in bytes { dripEvents += drip.receive([byte]) }
        #expect(wholeEvents == dripEvents)
        return wholeEvents
    }

    @Test func echoIsDroppedAndInformationLinesAreGathered() {
        let events = events(after: .signalQuality, "AT+CSQ\r\r\n+CSQ: 21,99\r\n\r\nOK\r\n")
        #expect(events == [.response(ATResponse(command: ATCommand.signalQuality.line, lines: ["+CSQ: 21,99"], result: .ok))])
    }

    @Test func cmsErrorEndsTheCommandWithATypedError() {
        let events = events(after: .sendPDU(length: 23), "\r\n+CMS ERROR: 332\r\n")
        guard case .response(let response) = events.first else {
            Issue.record("no response: \(events)")
            return
        }
        #expect(response.result == .modemError(ModemError(family: .cms, code: 332)))
        #expect(throws: ATCommandFailure.self) { try response.requireSuccess() }
        #expect(ATCommandFailure(command: "AT+CMGS=23", result: response.result).category == .temporary)
    }

    /// The whole AT+CMGS exchange with echo on: command echo, prompt, body echo ending in
    /// Ctrl-Z, then +CMGS and OK (python-gsmmodem / SIMCom shape).
    @Test func sendPDUExchangeWithEcho() {
        var collector = ATResponseCollector()
        collector.commandSent(.sendPDU(length: 18))
        #expect(collector.receive(Array("AT+CMGS=18\r\r\n> ".utf8)) == [.prompt])
        let body = "0011000B911326880736F40000A70361F118"
        collector.bodySent(body)
        let events = collector.receive(Array((body + "\u{1A}\r\n+CMGS: 7\r\n\r\nOK\r\n").utf8))
        #expect(events == [.response(ATResponse(command: ATCommand.sendPDU(length: 18).line, lines: ["+CMGS: 7"], result: .ok))])
        #expect((try? SubmitResult(line: "+CMGS: 7"))?.messageReference == 7)
        #expect(!collector.isAwaitingResponse)
    }

    /// A +CMTI arriving between the information line and OK is a URC, not part of the answer.
    @Test func urcInTheMiddleOfAResponse() {
        let events = events(after: .signalQuality, "\r\n+CSQ: 17,0\r\n\r\n+CMTI: \"SM\",4\r\n\r\nOK\r\n")
        #expect(events == [
            .unsolicited(.messageStored(storage: .sim, index: 4), lines: ["+CMTI: \"SM\",4"]),
            .response(ATResponse(command: ATCommand.signalQuality.line, lines: ["+CSQ: 17,0"], result: .ok)),
        ])
    }

    /// `+CREG:` answers AT+CREG? but is a URC during any other command.
    @Test func registrationLineIsAnswerOrURCByPendingCommand() {
        let answer = events(after: .readRegistration, "\r\n+CREG: 2,1,\"5E25\",\"605F\"\r\n\r\nOK\r\n")
        #expect(answer == [.response(ATResponse(command: ATCommand.readRegistration.line, lines: ["+CREG: 2,1,\"5E25\",\"605F\""], result: .ok))])
        let urc = events(after: .signalQuality, "\r\n+CREG: 5,\"5E25\",\"605F\"\r\n+CSQ: 9,99\r\nOK\r\n")
        #expect(urc.first == .unsolicited(
            .registration(NetworkRegistration(domain: .circuitSwitched, reportingMode: nil, status: .roaming, areaCode: 0x5E25, cellID: 0x605F)),
            lines: ["+CREG: 5,\"5E25\",\"605F\""]))
    }

    /// The PDU line after a +CMGR header is data even when it would read as a result or a URC:
    /// here a text-mode body "OK" and a PDU-mode record both survive.
    @Test func bodyAfterCMGRHeaderIsNeverAResult() {
        let text = events(after: .readMessage(index: 3), "\r\n+CMGR: \"REC READ\",\"+31625044454\",,\"07/07/05,09:56:03+08\"\r\nOK\r\n\r\nOK\r\n")
        #expect(text == [.response(ATResponse(command: ATCommand.readMessage(index: 3).line,
                                               lines: ["+CMGR: \"REC READ\",\"+31625044454\",,\"07/07/05,09:56:03+08\"", "OK"], result: .ok))])
        let urcLooking = events(after: .readMessage(index: 3), "\r\n+CMGR: \"REC READ\",\"+31625044454\",,\"07/07/05,09:56:03+08\"\r\n+CMTI: \"SM\",1\r\nOK\r\n")
        #expect(urcLooking.count == 1)
        if case .response(let response) = urcLooking.first { #expect(response.lines.last == "+CMTI: \"SM\",1") }
    }

    /// `OK` inside a line is not a final result; only the whole line is.
    @Test func okInsideALineIsNotFinal() {
        let events = events(after: .readMessage(index: 1), "\r\n+CMGR: \"REC READ\",\"+1\",,\"07/07/05,09:56:03+08\"\r\nfirst\r\nOK then\r\nOK\r\n")
        guard case .response(let response) = events.last else {
            Issue.record("no response: \(events)")
            return
        }
        #expect(response.lines.suffix(2) == ["first", "OK then"])
        #expect(events.count == 1)
    }

    /// +CMT (PDU mode) is a two-line URC: header then PDU; it can arrive in a response. The PDU
    /// is an SMS-DELIVER "How are you?" from +31641600986: 30 TPDU octets after an 8-octet SMSC.
    @Test func routedMessageIsATwoLineURC() {
        let pdu = "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07"
        let events = events(after: .signalQuality, "\r\n+CMT: ,30\r\n\(pdu)\r\n+CSQ: 20,99\r\nOK\r\n")
        #expect(events.count == 2)
        guard case .unsolicited(.message(let record), let lines) = events.first else {
            Issue.record("no +CMT: \(events)")
            return
        }
        #expect(lines == ["+CMT: ,30", pdu])
        #expect(record.length == 30)
        #expect(record.lengthMatchesPDU)
    }

    /// +CDS: <len> then PDU (Kannel's CNMI report field 1); +CDSI for stored reports.
    @Test func statusReportURCs() {
        let pdu = "07919730071111F106330B919730074232F1709020917514807090209175148000"
        let events = events(after: nil, "\r\n+CDS: 25\r\n\(pdu)\r\n\r\n+CDSI: \"SR\",2\r\n")
        guard case .unsolicited(.statusReport(let length, let octets), _) = events.first else {
            Issue.record("no +CDS: \(events)")
            return
        }
        #expect(length == 25)
        #expect(octets.count == 33)
        #expect(events.last == .unsolicited(.statusReportStored(storage: .statusReports, index: 2), lines: ["+CDSI: \"SR\",2"]))
    }

    /// Start-up banners of SIMCom/Quectel modules with nothing pending.
    @Test func bannersWithNothingPending() {
        let events = events(after: nil, "\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n\r\nSMS Ready\r\n\r\n+QIND: SMS DONE\r\n^SIMST: 1\r\n")
        let urcs: [ATUnsolicited?] = events.map { event in
            if case .unsolicited(let urc, _) = event { return urc }
            return nil
        }
        #expect(urcs == [
            .moduleReady, .pinStatus(.ready), .callReady, .smsReady, .smsReady, .simState(1),
        ])
    }

    /// Lines with no command pending are URC events, unknown ones as `.unrecognized`;
    /// a late OK after a timeout is a stray result.
    @Test func linesWithNothingPending() {
        var collector = ATResponseCollector()
        collector.commandSent(.readIMSI)
        #expect(collector.receive(Array("AT+CIMI\r".utf8)).isEmpty)
        #expect(collector.abandonCommand().isEmpty)
        let events = collector.receive(Array("\r\n204043200000000\r\n\r\nOK\r\n".utf8))
        #expect(events == [
            .unsolicited(.unrecognized("204043200000000"), lines: ["204043200000000"]),
            .unsolicited(.strayResult(.ok), lines: ["OK"]),
        ])
    }

    /// Line noise and malformed URCs are reported and skipped; the command still completes.
    @Test func garbledLinesAreReportedNotFatal() {
        let events = events(after: .signalQuality, "\r\n\u{01}\u{7F}xx\r\n+CMTI: \"SM\",x\r\n+CSQ: 3,99\r\nOK\r\n")
        #expect(events.count == 3)
        #expect(events[0] == .garbled(lines: ["\u{01}\u{7F}xx"], reason: .controlCharacters))
        if case .garbled(let lines, .unparsable) = events[1] { #expect(lines == ["+CMTI: \"SM\",x"]) } else { Issue.record("\(events[1])") }
        #expect(events[2] == .response(ATResponse(command: ATCommand.signalQuality.line, lines: ["+CSQ: 3,99"], result: .ok)))
    }

    @Test func promptWithoutCMGSIsGarbled() {
        #expect(events(after: .attention, "\r\n> ") == [.garbled(lines: ["> "], reason: .unexpectedPrompt)])
    }

    /// smstools chains commands; each one's answer lines are in the one response.
    @Test func chainedCommandLine() throws {
        var collector = ATResponseCollector()
        let line = try ATCommandLine(parsing: "AT+CSQ;+CREG?")
        collector.commandSent(line)
        let events = collector.receive(Array("\r\n+CSQ: 12,99\r\n\r\n+CREG: 0,1\r\n\r\nOK\r\n".utf8))
        guard case .response(let response) = events.first else {
            Issue.record("\(events)")
            return
        }
        #expect(response.lines(named: "+CREG") == ["+CREG: 0,1"])
        #expect(try NetworkRegistration(readAnswer: response.lines(named: "+CREG")[0]).status == .home)
    }

    /// A PDU-mode +CMGL list with a URC between entries (python-gsmmodem test shape).
    @Test func messageListWithURCBetweenEntries() throws {
        let first = "07912374151616F6040B912374786468F30000201003024550400B54C29E2E1F8300A0800B"
        let second = "0791361907001003B17A0C913619397750320000AD11CD701E340FB3C3F23CC81D0689C3BF"
        let events = events(after: .listMessages(.all), "\r\n+CMGL: 1,1,,29\r\n\(first)\r\n+CMTI: \"SM\",3\r\n+CMGL: 2,3,,29\r\n\(second)\r\n\r\nOK\r\n")
        #expect(events.count == 2)
        guard case .response(let response) = events.last else {
            Issue.record("\(events)")
            return
        }
        let records = try MessageList.parse(response.lines)
        #expect(records.map(\.index) == [1, 2])
        #expect(records.map(\.status) == [.receivedRead, .storedSent])
    }
}
