import ATCommands
import GatewayCore
import ModemProfiles
import ModemSession

extension SessionSettings {
    /// A session's settings from the configured modem, its vendor profile and `[watchdog]`.
    ///
    /// The hang timeout bounds the whole way from the last answer to the power cycle: a poll
    /// interval of silence, then the command's timeout, the probe's and the reset's. What the
    /// poll interval leaves is shared 40/20/40 among those three.
    init(modem: ModemConfiguration, profile: ModemProfile, watchdog: WatchdogSettings) {
        let budget = max(watchdog.modemHangTimeout - watchdog.modemPollInterval, .seconds(1))
        let commandTimeout = min(max(budget * 0.4, .milliseconds(500)), .seconds(10))
        let probeTimeout = min(max(budget * 0.2, .milliseconds(250)), .seconds(5))
        let timings = SessionTimings(
            commandTimeout: commandTimeout, sendTimeout: max(commandTimeout, watchdog.modemHangTimeout),
            probeTimeout: probeTimeout, bootWait: profile.bootDuration, bootTimeout: watchdog.modemBootTime,
            powerOffTime: watchdog.powerOffTime, pollInterval: watchdog.modemPollInterval,
            simReadyTimeout: .seconds(20), registrationTimeout: .seconds(30), retryInterval: .seconds(1),
            failedBackoff: .seconds(30), failedBackoffLimit: .seconds(600))
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
