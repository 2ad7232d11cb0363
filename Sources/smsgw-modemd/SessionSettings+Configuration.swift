import ATCommands
import GatewayCore
import ModemProfiles
import ModemSession

extension SessionSettings {
    /// A session's settings from the configured modem, its vendor profile and `[watchdog]`.
    ///
    /// The timeouts fit the hang timeout (`SessionTimings.fitting`): a hung modem is
    /// power-cycled within `modem_hang_timeout` of its last answer, idle or in a send.
    init(modem: ModemConfiguration, profile: ModemProfile, watchdog: WatchdogSettings) {
        let timings = SessionTimings.fitting(
            hangTimeout: watchdog.modemHangTimeout, pollInterval: watchdog.modemPollInterval,
            bootWait: profile.bootDuration, bootTimeout: watchdog.modemBootTime, powerOffTime: watchdog.powerOffTime)
        let slotSwitch: SlotSwitch = switch modem.slotSelection {
        case .gpio: .gpio
        case .atCommand(let template): .command(template: template, resetAfter: false)
        case .fixed:
            if modem.slots > 1, let command = profile.slotSwitch {
                .command(template: command.commandText(slot: 0).replacing("=\(command.firstSlotNumber)", with: "={slot}"),
                         resetAfter: false)
            } else {
                .fixed
            }
        }
        let iccid = profile.iccidCommands.first.map {
            ATCommandLine([ATCommandInvocation($0.name, $0.invocation == .read ? .read : .execute)])
        } ?? ATCommand.readICCID.line
        self.init(
            modemID: modem.id, slots: modem.slots, iccidCommand: iccid, slotSwitch: slotSwitch,
            hasPowerControl: modem.power != nil, timings: timings)
    }
}
