import Testing
@testable import ATCommands

/// The simulator's direction: answers rendered to lines parse back to the same values.
@Suite struct ResponseRenderingTests {
    @Test(arguments: [
        NetworkRegistration(domain: .circuitSwitched, reportingMode: 2, status: .home, areaCode: 0x5E25, cellID: 0x605F, accessTechnology: 2),
        NetworkRegistration(domain: .eps, reportingMode: 0, status: .searching),
        NetworkRegistration(domain: .packetSwitched, reportingMode: 2, status: .roaming, areaCode: 0x4CA, cellID: 0x81DE445),
    ])
    func registrationReadAnswerRoundTrips(value: NetworkRegistration) throws {
        #expect(try NetworkRegistration(readAnswer: value.line) == value)
    }

    @Test func registrationURCRoundTrips() throws {
        let urc = NetworkRegistration(domain: .circuitSwitched, reportingMode: nil, status: .roaming, areaCode: 0x2AF5, cellID: 0x0B88E350)
        #expect(urc.line == "+CREG: 5,\"2AF5\",\"0B88E350\"")
        #expect(try NetworkRegistration(unsolicited: urc.line) == urc)
    }

    @Test func oneLineAnswersRoundTrip() throws {
        #expect(SignalQuality(rssi: 21, bitErrorRate: 99).line == "+CSQ: 21,99")
        #expect(try SignalQuality(line: SignalQuality(rssi: 0, bitErrorRate: 7).line) == SignalQuality(rssi: 0, bitErrorRate: 7))
        #expect(try SubmitResult(line: SubmitResult(messageReference: 200).line) == SubmitResult(messageReference: 200))
        for status in [PINStatus.ready, .required("SIM PIN"), .notInserted, .notReady] {
            #expect(try PINStatus(line: status.line) == status)
        }
    }

    /// A driver's init sequence as the simulator receives it (smstools and gammu shapes).
    @Test func typedCommandsOfReceivedLines() throws {
        #expect(try ATCommandLine(parsing: "AT\r").typedCommands == [.attention])
        #expect(try ATCommandLine(parsing: "AT+CMEE=1;+CREG=2\r").typedCommands == [.reportErrors(1), .setRegistrationReporting(2)])
        #expect(try ATCommandLine(parsing: "ATE0V1\r").typedCommands == [.echo(false), nil])
        #expect(try ATCommandLine(parsing: "AT+CPMS=\"SM\",\"SM\"\r").typedCommands == [.setPreferredStorage(["SM", "SM"])])
    }
}
