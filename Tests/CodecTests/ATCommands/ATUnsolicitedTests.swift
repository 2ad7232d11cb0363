import Testing
@testable import ATCommands

/// Unsolicited result codes (27.005 §3.4.1, 27.007) recognised by whole line.
@Suite struct ATUnsolicitedTests {
    @Test(arguments: [
        ("+CMTI: \"SM\",12", ATUnsolicited.messageStored(storage: .sim, index: 12)),
        ("+CMTI: \"ME\", 0", .messageStored(storage: .phone, index: 0)),  // space after comma
        ("+CDSI: \"SR\",2", .statusReportStored(storage: .statusReports, index: 2)),  // CNMI ds=2 (python-gsmmodem)
        ("+CPIN: NOT INSERTED", .pinStatus(.notInserted)),
        ("+CREG: 1", .registration(NetworkRegistration(domain: .circuitSwitched, reportingMode: nil, status: .home))),
        ("+CUSD: 0,\"Balance 5.00\",15", .ussd(USSDResponse(status: 0, text: "Balance 5.00", dataCodingScheme: 15))),
        ("RDY", .moduleReady),
        ("SMS Ready", .smsReady),
        ("Call Ready", .callReady),
        ("+QIND: PB DONE", .callReady),
        ("^SIMST: 255", .simState(255)),
        // Start-up banners and indications real modules print: known URCs, never unrecognised lines.
        ("+CFUN: 1", .functionality(1)),  // Quectel/SIMCom after RDY
        ("+QUSIM: 1", .quectelUSIM(1)),  // Quectel: a USIM is in
        ("PB DONE", .callReady),  // SIMCom SIM7600 plain banner
        ("^SRVST: 2", .serviceState(2)),  // Huawei: service valid
        ("^RSSI: 18", .signal(SignalQuality(rssi: 18, bitErrorRate: 99))),  // Huawei signal report, no BER
        ("+CSQ: 21,99", .signal(SignalQuality(rssi: 21, bitErrorRate: 99))),  // SIMCom AT+AUTOCSQ=1,1
        ("^MODE: 5,4", .systemMode([.bare("5"), .bare("4")])),  // Huawei: WCDMA, HSDPA
        ("+QIND: \"csq\",20,99", .quectelIndication([.quoted("csq"), .bare("20"), .bare("99")])),
        ("RING", .ring(nil)),
        ("+CRING: VOICE", .ring("VOICE")),  // python-gsmmodem incoming call notification
        ("+CDS: 6,33,\"+31612345678\",145,\"07/07/05,09:56:03+08\",\"07/07/05,09:56:05+08\",0",
         .statusReportText([.bare("6"), .bare("33"), .quoted("+31612345678"), .bare("145"), .quoted("07/07/05,09:56:03+08"), .quoted("07/07/05,09:56:05+08"), .bare("0")])),
    ])
    func parsesOneLineURCs(line: String, expected: ATUnsolicited) throws {
        #expect(ATUnsolicitedParser.recognize(line) == .complete)
        #expect(try ATUnsolicitedParser.parse(line) == expected)
    }

    @Test func twoLineURCs() throws {
        #expect(ATUnsolicitedParser.recognize("+CMT: ,30") == .needsBody)
        #expect(ATUnsolicitedParser.recognize("+CMT: \"+31612345678\",,\"07/07/05,09:56:03+08\"") == .needsBody)  // text mode
        #expect(ATUnsolicitedParser.recognize("+CDS: 25") == .needsBody)
        let text = try ATUnsolicitedParser.parse(header: "+CMT: \"+31612345678\",,\"07/07/05,09:56:03+08\"", body: "OK")
        guard case .message(let record) = text else {
            Issue.record("\(text)")
            return
        }
        #expect(record.body == .text("OK"))
        #expect(throws: ATParseError.self) { try ATUnsolicitedParser.parse(header: "+CDS: 25", body: "not hex") }
    }

    /// Names that answer the pending command are not URCs then; other lines never are.
    @Test func notURCs() {
        #expect(ATUnsolicitedParser.recognize("+CREG: 0,1", pendingNames: ["+CREG"]) == nil)
        #expect(ATUnsolicitedParser.recognize("+CPIN: READY", pendingNames: ["+CPIN"]) == nil)
        #expect(ATUnsolicitedParser.recognize("+CSQ: 21,0", pendingNames: ["+CSQ"]) == nil)  // AT+CSQ's answer
        #expect(ATUnsolicitedParser.recognize("+CGSN: 1") == nil)
        #expect(ATUnsolicitedParser.recognize("RDY now") == nil)  // whole line only
        #expect(ATUnsolicitedParser.recognize("+CMTIX: 1") == nil)
    }

    @Test(arguments: ["+CMTI: SM", "+CMTI: \"SM\",x", "+CPIN: MAYBE", "^SIMST: x", "+CUSD: 0,\"a\",999",
                      "+CFUN: x", "^RSSI: 300", "^RSSI: 1,2", "+CSQ: 1", "^MODE: x"])
    func malformedKnownURCsThrow(line: String) {
        #expect(throws: ATParseError.self) { try ATUnsolicitedParser.parse(line) }
    }
}
