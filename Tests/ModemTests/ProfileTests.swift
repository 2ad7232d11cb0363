import GatewayCore
import ModemProfiles
import Testing
@testable import ModemSimulator

@Suite("Vendor profiles")
struct ProfileTests {
    @Test("every configurable vendor name has a profile of that name", arguments: ModemVendorProfile.allCases)
    func everyNameHasAProfile(name: ModemVendorProfile) {
        #expect(ModemProfile.named(name).vendorProfile == name)
    }

    @Test("each vendor's ICCID command answers in its own form, and its parser reads it back", arguments: [
        // SIM800: bare digits (SIM800 manual AT+CCID).
        (ModemProfile.simcomSIM800, "AT+CCID", "89000100000000000011"),
        // SIM7600: +ICCID: prefix (AT+CICCID).
        (ModemProfile.simcomSIM7600, "AT+CICCID", "+ICCID: 89000100000000000011"),
        // Quectel: +QCCID: prefix.
        (ModemProfile.quectelEC25, "AT+QCCID", "+QCCID: 89000100000000000011"),
        // Huawei: ^ICCID: with the digits nibble-swapped as stored on the SIM.
        (ModemProfile.huaweiE3372, "AT^ICCID?", "^ICCID: 98001000000000000011"),
    ])
    func iccid(profile: ModemProfile, command: String, answer: String) throws {
        var harness = ModemHarness(profile: profile, settings: .fast)
        _ = harness.send("ATE0\r")
        let sim = harness.modem.sims[0]
        #expect(sim.iccid == "89000100000000000011")
        #expect(harness.send(command + "\r").lines == [answer, "OK"])
        let variant = try #require(profile.iccidCommands.first)
        #expect(variant.parse(answer) == sim.iccid)
    }

    @Test("the profile's slot command moves to the other SIM: CPIN busy, then READY and a new IMSI", arguments: [
        ModemProfile.quectelEC25, .simcomSIM7600, .simcomSIM800, .huaweiE3372,
    ])
    func slotSwitch(profile: ModemProfile) throws {
        var harness = ModemHarness(profile: profile, settings: .fast)
        _ = harness.send("ATE0\r")
        _ = harness.send("AT+CMEE=1\r")
        let switchCommand = try #require(profile.slotSwitch)
        let first = harness.send("AT+CIMI\r").lines.first
        #expect(harness.send(switchCommand.commandText(slot: 1) + "\r").lines == ["OK"])
        #expect(harness.send("AT+CPIN?\r").lines == ["+CME ERROR: 14"])  // SIM busy while it comes up
        #expect(harness.settle().lines == ["+CPIN: READY"])
        #expect(harness.send("AT\(switchCommand.name)?\r").lines == [switchCommand.readAnswer(slot: 1), "OK"])
        let second = harness.send("AT+CIMI\r").lines.first
        #expect(first != second)
    }

    @Test("SIM identities are derived deterministically and carry valid Luhn check digits")
    func derivedIdentities() {
        let a = SimulatedSIM.derived(modemIndex: 3, slot: 1)
        #expect(a == SimulatedSIM.derived(modemIndex: 3, slot: 1))
        #expect(a != SimulatedSIM.derived(modemIndex: 3, slot: 0))
        #expect(a.iccid.count == 20 && a.imsi.count == 15)
        #expect(SimulatedSIM.luhnCheckDigit(String(a.iccid.dropLast())) == a.iccid.last?.wholeNumberValue)
        #expect(SimulatedSIM.luhnCheckDigit("7992739871") == 3)  // the textbook Luhn example
    }
}
