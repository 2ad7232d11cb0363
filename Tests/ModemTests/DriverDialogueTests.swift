import ModemProfiles
import Testing
@testable import ModemSimulator

/// The init dialogues real drivers send (recorded from gammu, smstools, Kannel and
/// python-gsmmodem; Tests/Drivers/README.md), played against
/// each profile: every command must be answered, and with a final result the driver accepts.
@Suite("Simulated modem: drivers' init dialogues")
struct DriverDialogueTests {
    static let dialogues: [(driver: String, lines: [String])] = [
        ("gammu", ["\u{1B}AT", "ATE1", "AT+CMEE=1", "AT+CSCS?", "AT+CSCS=?", "AT+CGMM", "AT+CGMI", "AT+CGMR", "AT+CFUN=1", "AT+CSCA?", "AT+CMGF=0"]),
        ("smstools", ["\u{1A}AT", "ATE0", "AT+CMEE=1;+CREG=2", "AT+CPIN?", "AT+CSQ", "AT+CREG?", "AT+CMGF=0", "AT+CGSN", "AT+CIMI", "AT+CPMS?"]),
        ("kannel", ["ATZ", "AT&F", "ATE0", "ATI", "AT+CSMS=?", "AT+IFC=2,2", "AT+CPIN?", "AT+CSCA=\"+31653131313\"", "AT+CMGF=0", "AT+CNMI=1,2,0,1,0"]),
        ("python-gsmmodem", ["ATZ", "ATE0", "AT+CFUN?", "AT+CMEE=1", "AT+CPIN?", "AT+CLAC", "AT+COPS=3,0", "AT+CSMP=49,167,0,0", "AT+CPMS=?", "AT+CPMS=\"SM\",\"SM\",\"SM\"", "AT+CNMI=2,1,0,2"]),
    ]

    @Test("each driver's dialogue ends every line in OK", arguments: [
        ModemProfile.simcomSIM800, .simcomSIM7600, .quectelEC25, .quectelEG91, .huaweiE3372, .generic,
    ])
    func dialogues(profile: ModemProfile) {
        for dialogue in Self.dialogues {
            var harness = ModemHarness(profile: profile, settings: .fast)
            for line in dialogue.lines {
                let answer = harness.send(line + "\r").lines
                #expect(answer.last == "OK", "\(dialogue.driver) on \(profile.vendorProfile.rawValue): \(line) → \(answer)")
            }
        }
    }

    @Test("gammu's charset probe gets a list, never +CME ERROR: 4 (gammu aborts on it)")
    func charsetProbe() {
        var harness = ModemHarness(settings: .fast)
        _ = harness.send("ATE0\r")
        _ = harness.send("AT+CMEE=1\r")
        #expect(harness.send("AT+CSCS=?\r").lines == ["+CSCS: (\"IRA\",\"GSM\",\"UCS2\")", "OK"])
    }
}
