import Testing
@testable import ATCommands

/// +CREG / +CGREG / +CEREG (27.007 §7.2, §10.1.19, §10.1.22), vectors from gammu's
/// tests/at-creg*/ dumps (real modems, GPL-2.0; Tests/THIRD-PARTY.md) and the standard forms.
@Suite struct NetworkRegistrationTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let why: String
        let line: String
        let expected: NetworkRegistration
        var testDescription: String { why }
    }

    static let readAnswers: [Vector] = [
        Vector(why: "gammu at-creg/none.dump: not registered, no location", line: "+CREG: 0,0",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: 0, status: .notRegistered)),
        Vector(why: "gammu at-creg/huawei.dump: unquoted hex LAC and 7-digit CI", line: "+CREG: 2,1,4CA,81DE445",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: 2, status: .home, areaCode: 0x4CA, cellID: 0x81DE445)),
        Vector(why: "gammu at-creg/siemens.dump: quoted hex, mode 0 yet location given", line: "+CREG: 0,1,\"5E25\",\"605F\"",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: 0, status: .home, areaCode: 0x5E25, cellID: 0x605F)),
        Vector(why: "gammu at-creg/sierra312u.dump: roaming, 8-digit CI, AcT 2 (UTRAN)", line: "+CREG: 2,5,\"2AF5\",\"0B88E350\",2",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: 2, status: .roaming, areaCode: 0x2AF5, cellID: 0x0B88E350, accessTechnology: 2)),
        Vector(why: "gammu at-creg/telit.dump: with AcT", line: "+CREG: 0,1,\"5E25\",\"605F\",2",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: 0, status: .home, areaCode: 0x5E25, cellID: 0x605F, accessTechnology: 2)),
        Vector(why: "gammu at-creg-corner/empty-lac.dump: an empty LAC is absent, not an error", line: "+CREG: 2,1,\"\",\"605F\"",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: 2, status: .home, cellID: 0x605F)),
        Vector(why: "gammu at-creg-corner/single-quote.dump: the unclosed quote runs to the line end", line: "+CREG: 2,1,\"5E25",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: 2, status: .home, areaCode: 0x5E25)),
        Vector(why: "EPS on an LTE-only module: TAC and 28-bit CI, AcT 7", line: "+CEREG: 2,1,\"1A2B\",\"01A2B3C4\",7",
               expected: NetworkRegistration(domain: .eps, reportingMode: 2, status: .home, areaCode: 0x1A2B, cellID: 0x01A2B3C4, accessTechnology: 7)),
        Vector(why: "no space after the colon (gammu at-cnmi/03 style), SMS-only registration", line: "+CEREG:0,6",
               expected: NetworkRegistration(domain: .eps, reportingMode: 0, status: .smsOnlyHome)),
    ]

    @Test(arguments: readAnswers)
    func parsesReadAnswers(vector: Vector) throws {
        #expect(try NetworkRegistration(readAnswer: vector.line) == vector.expected)
    }

    static let unsolicited: [Vector] = [
        Vector(why: "URC form n=1: status only", line: "+CREG: 1",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: nil, status: .home)),
        Vector(why: "URC form n=2: status, LAC, CI", line: "+CREG: 5,\"2AF5\",\"0B88E350\"",
               expected: NetworkRegistration(domain: .circuitSwitched, reportingMode: nil, status: .roaming, areaCode: 0x2AF5, cellID: 0x0B88E350)),
        Vector(why: "URC with AcT", line: "+CEREG: 1,\"1A2B\",\"01A2B3C4\",7",
               expected: NetworkRegistration(domain: .eps, reportingMode: nil, status: .home, areaCode: 0x1A2B, cellID: 0x01A2B3C4, accessTechnology: 7)),
        Vector(why: "some modems send the read form unsolicited", line: "+CGREG: 2,3",
               expected: NetworkRegistration(domain: .packetSwitched, reportingMode: 2, status: .denied)),
    ]

    @Test(arguments: unsolicited)
    func parsesUnsolicitedForms(vector: Vector) throws {
        #expect(try NetworkRegistration(unsolicited: vector.line) == vector.expected)
    }

    /// gammu at-creg-corner/mismatched-quotes.dump and other malformed lines: typed errors.
    @Test(arguments: ["+CREG: 2,1,\"0B,\"0100701\",7", "+CREG: 2,11", "+CREG: x,1", "+CREG: 2,1,\"XYZ\",\"1\"", "+CSQ: 2,1", "+CREG:"])
    func refusesMalformed(line: String) {
        #expect(throws: ATParseError.self) { try NetworkRegistration(readAnswer: line) }
    }

    @Test func registeredStatuses() {
        #expect(RegistrationStatus.allCases.filter(\.isRegistered) == [.home, .roaming, .smsOnlyHome, .smsOnlyRoaming, .csfbNotPreferredHome, .csfbNotPreferredRoaming])
    }
}
