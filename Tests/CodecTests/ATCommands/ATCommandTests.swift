import Testing
@testable import ATCommands

/// Typed commands render to the lines drivers send, and parse back (the simulator's side).
@Suite struct ATCommandTests {
    static let rendered: [(ATCommand, String)] = [
        (.attention, "AT"),
        (.echo(false), "ATE0"),
        (.reset, "ATZ"),
        (.factoryDefaults, "AT&F"),
        (.reportErrors(1), "AT+CMEE=1"),
        // The ladder's probe: a read whose information line no other command of modemd's gets.
        (.readErrorReporting, "AT+CMEE?"),
        (.readPINStatus, "AT+CPIN?"),
        (.enterPIN("1234"), "AT+CPIN=\"1234\""),
        (.signalQuality, "AT+CSQ"),
        (.setRegistrationReporting(2), "AT+CREG=2"),
        (.readRegistration, "AT+CREG?"),
        (.setEPSRegistrationReporting(2), "AT+CEREG=2"),
        (.readEPSRegistration, "AT+CEREG?"),
        (.readOperator, "AT+COPS?"),
        (.setOperatorFormat(0), "AT+COPS=3,0"),
        (.setMessageFormat(.pdu), "AT+CMGF=0"),
        (.setNewMessageIndication(NewMessageIndication(mode: 2, deliver: 1, statusReport: 2, bufferFlush: 0)), "AT+CNMI=2,1,0,2,0"),
        (.setNewMessageIndication(NewMessageIndication(mode: 2, deliver: 1, statusReport: 1)), "AT+CNMI=2,1,0,1"),
        (.setPreferredStorage(["SM", "SM", "SM"]), "AT+CPMS=\"SM\",\"SM\",\"SM\""),
        (.readPreferredStorage, "AT+CPMS?"),
        (.sendPDU(length: 23), "AT+CMGS=23"),
        (.readMessage(index: 7), "AT+CMGR=7"),
        (.listMessages(.all), "AT+CMGL=4"),
        (.listMessages(.all, format: .text), "AT+CMGL=\"ALL\""),
        (.deleteMessage(index: 3), "AT+CMGD=3"),
        (.deleteMessage(index: 1, flag: 4), "AT+CMGD=1,4"),
        (.acknowledgeNewMessage, "AT+CNMA"),
        (.setFunctionality(1, reset: true), "AT+CFUN=1,1"),
        (.setFunctionality(1), "AT+CFUN=1"),
        (.sendUSSD("*100#"), "AT+CUSD=1,\"*100#\",15"),
        (.readIMSI, "AT+CIMI"),
        (.readICCID, "AT+CCID"),
        (.readIMEI, "AT+CGSN"),
        (.readSMSCAddress, "AT+CSCA?"),
        (.setCharacterSet("GSM"), "AT+CSCS=\"GSM\""),
    ]

    @Test func rendersEachCommand() {
        for (command, text) in Self.rendered {
            #expect(command.text == text)
            #expect(command.bytes == Array((text + "\r").utf8))
        }
    }

    /// Parsing the rendered line and recognising it gives the typed command back.
    @Test func parsesEachRenderedCommandBack() throws {
        for (command, text) in Self.rendered where command != .attention {
            let line = try ATCommandLine(parsing: text + "\r")
            #expect(line.commands.count == 1)
            #expect(line.commands.first.flatMap(ATCommand.init) == command)
            #expect(line.text == text)
        }
        #expect(try ATCommandLine(parsing: "AT").commands.isEmpty)
    }

    @Test func pduBodyEndsWithCtrlZ() {
        #expect(ATCommand.pduBody("0011") == [0x30, 0x30, 0x31, 0x31, 0x1A])
        #expect(ATCommand.sendPDU(length: 1).expectsPrompt)
        #expect(!ATCommand.readIMSI.expectsPrompt)
    }

    struct ParseVector: Sendable, CustomTestStringConvertible {
        let why: String
        let line: String
        let commands: [ATCommandInvocation]
        var testDescription: String { why }
    }

    static let parseVectors: [ParseVector] = [
        ParseVector(why: "smstools chains extended commands with ';'", line: "AT+CMEE=1;+CREG=2\r",
                    commands: [ATCommandInvocation("+CMEE", .set([.bare("1")])), ATCommandInvocation("+CREG", .set([.bare("2")]))]),
        ParseVector(why: "basic commands concatenate without separators (V.250 §5.3)", line: "ATE0V1&D2",
                    commands: [ATCommandInvocation("E", .set([.bare("0")])), ATCommandInvocation("V", .set([.bare("1")])),
                               ATCommandInvocation("&D", .set([.bare("2")]))]),
        ParseVector(why: "test form =?", line: "AT+CSCS=?", commands: [ATCommandInvocation("+CSCS", .test)]),
        ParseVector(why: "lower case is accepted (V.250 §5.1) and names are upper-cased", line: "at+cpin?", commands: [ATCommandInvocation("+CPIN", .read)]),
        ParseVector(why: "a ';' inside quotes is an argument, not a separator", line: "AT+CUSD=1,\"*1;2#\",15",
                    commands: [ATCommandInvocation("+CUSD", .set([.bare("1"), .quoted("*1;2#"), .bare("15")]))]),
        ParseVector(why: "vendor prefix ^ (Huawei)", line: "AT^SYSCFG=13,1,3FFFFFFF,2,4",
                    commands: [ATCommandInvocation("^SYSCFG", .set(["13", "1", "3FFFFFFF", "2", "4"].map { .bare($0) }))]),
        ParseVector(why: "S-register set and read", line: "ATS0=0S7?",
                    commands: [ATCommandInvocation("S0", .set([.bare("0")])), ATCommandInvocation("S7", .read)]),
        ParseVector(why: "the dial command takes the rest of the line", line: "ATD+31612345678;",
                    commands: [ATCommandInvocation("D", .set([.bare("+31612345678;")]))]),
        ParseVector(why: "omitted arguments (python-gsmmodem sends AT+CPMS=,,)", line: "AT+CPMS=,,",
                    commands: [ATCommandInvocation("+CPMS", .set([.omitted, .omitted, .omitted]))]),
        ParseVector(why: "gammu's CNMI with an empty middle value", line: "AT+CNMI=2,1,,2",
                    commands: [ATCommandInvocation("+CNMI", .set([.bare("2"), .bare("1"), .omitted, .bare("2")]))]),
    ]

    @Test(arguments: parseVectors)
    func parsesCommandLines(vector: ParseVector) throws {
        #expect(try ATCommandLine(parsing: vector.line).commands == vector.commands)
    }

    @Test(arguments: ["", "A", "XT+CSQ", "AT+", "AT+CPMS=(\"SM\"", "AT+CSQ\u{7}", "AT&"])
    func refusesMalformedLines(line: String) {
        #expect(throws: ATCommandLineError.self) { try ATCommandLine(parsing: line) }
    }

    @Test func omittedCNMIValuesTakeDefaults() throws {
        let line = try ATCommandLine(parsing: "AT+CNMI=2,1,,2")
        #expect(line.commands.first.flatMap(ATCommand.init) ==
            .setNewMessageIndication(NewMessageIndication(mode: 2, deliver: 1, statusReport: 2)))
    }
}
