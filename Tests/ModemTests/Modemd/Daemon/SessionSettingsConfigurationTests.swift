import ATCommands
import GatewayCore
import GatewayIPC
import ModemProfiles
import ModemSession
@testable import ModemdDaemon
import Testing

@Suite("smsgw-modemd: session settings from the configuration and profile")
struct SessionSettingsConfigurationTests {
    static func watchdog(poll: Duration, hang: Duration) -> WatchdogSettings {
        WatchdogSettings(
            healthInterval: .seconds(10), healthTimeout: .seconds(30), restartLimit: 3, modemPollInterval: poll,
            modemHangTimeout: hang, powerOffTime: .seconds(3), modemBootTime: .seconds(20), hardwareEnabled: false,
            hardwareDevice: "/dev/watchdog", hardwarePingInterval: .seconds(10), hardwareTimeout: .seconds(60))
    }

    @Test("the hang budget left by the poll interval is shared 40/20/40: a hung modem is power-cycled within the hang timeout")
    func timeoutsFitTheHangBudget() {
        let modem = ModemConfiguration(id: "m1", device: "/dev/ttyUSB0", profile: .simcomSIM800, power: GPIOLine(chip: "gpiochip0", offset: 1))
        let settings = SessionSettings(modem: modem, profile: .named(.simcomSIM800), watchdog: Self.watchdog(poll: .seconds(10), hang: .seconds(30)))
        #expect(settings.timings.commandTimeout == .seconds(8))
        #expect(settings.timings.probeTimeout == .seconds(4))
        let worst = settings.timings.pollInterval + settings.timings.commandTimeout * 2 + settings.timings.probeTimeout
        #expect(worst <= .seconds(30), "poll + command + probe + reset")
        #expect(settings.timings.sendTimeout == .seconds(26), "+CMGS: waited for what the probe leaves of the hang timeout")
        #expect(settings.timings.sendTimeout + settings.timings.probeTimeout <= .seconds(30), "a hang after the PDU")
        #expect(settings.hasPowerControl)
        #expect(settings.timings.bootWait == ModemProfile.named(.simcomSIM800).bootDuration)
    }

    @Test("slot switching: GPIO lines, the configured AT command, or the profile's command", arguments: [
        (SlotSelection.gpio([GPIOLine(chip: "gpiochip0", offset: 8)]), ModemVendorProfile.simcomSIM800, SessionSettings.SlotSwitch.gpio),
        (.atCommand("AT+QDSIM={slot}"), .quectelEC25, .command(template: "AT+QDSIM={slot}", resetAfter: false)),
        // No slot_select but two slots: Quectel's own AT+QDSIM (first slot 0).
        (.fixed, .quectelEC25, .command(template: "AT+QDSIM={slot}", resetAfter: false)),
    ])
    func slotSwitch(selection: SlotSelection, profile: ModemVendorProfile, expected: SessionSettings.SlotSwitch) {
        let modem = ModemConfiguration(id: "m1", device: "/dev/ttyUSB0", profile: profile, slots: 2, slotSelection: selection)
        let settings = SessionSettings(modem: modem, profile: .named(profile), watchdog: Self.watchdog(poll: .seconds(10), hang: .seconds(30)))
        #expect(settings.slotSwitch == expected)
    }

    @Test("the ICCID is read with the profile's command (Huawei: AT^ICCID?)")
    func iccidCommand() {
        let modem = ModemConfiguration(id: "m1", device: "/dev/ttyUSB0", profile: .huaweiE3372)
        let settings = SessionSettings(modem: modem, profile: .named(.huaweiE3372), watchdog: Self.watchdog(poll: .seconds(10), hang: .seconds(30)))
        #expect(settings.iccidCommand.text == "AT^ICCID?")
    }

    @Test("send outcomes map to the socket's result: TP-MRs, category, unknown part")
    func sendResults() {
        #expect(ModemdSendResult(.sent(references: [3, 4])) == ModemdSendResult(outcome: .sent, references: [3, 4]))
        let failed = ModemdSendResult(.failed(SendFailure(partIndex: 1, references: [3], reason: .rejected(.modemError(ModemError(family: .cms, code: 42))))))
        #expect(failed.outcome == .failed)
        #expect(failed.errorCategory == "temporary")
        #expect(failed.partIndex == 1)
        let unknown = ModemdSendResult(.unknown(references: [], partIndex: 0))
        #expect(unknown.outcome == .unknown)
    }
}
