import GatewayCore
import ModemProfiles
import SystemBridge

/// What the simulator is to run: its modems, where their devices go, and the GPIO lines it
/// watches. Made from a box configuration (`--config`) or from `--ports N --dir DIR`.
struct BankPlan: Sendable {
    struct Modem: Sendable {
        var id: String
        var device: String
        var profile: ModemProfile
        var slots: Int
        /// The power line; nil: always powered.
        var power: GPIOLineAddress?
        /// SIM-select lines, least significant bit first.
        var selectLines: [GPIOLineAddress]
    }

    var modems: [Modem]
    /// The simulated GPIO chip's directory, when lines are watched.
    var gpioDirectory: String?
    var controlSocket: String

    /// `--ports N --dir DIR`: modems `m1`…`mN` at `DIR/m1`…, no GPIO lines.
    static func ports(_ count: Int, directory: String, profile: ModemVendorProfile, slots: Int, controlSocket: String?) -> BankPlan {
        let modems = (1...max(count, 1)).map { number in
            Modem(id: "m\(number)", device: "\(directory)/m\(number)", profile: .named(profile), slots: slots, power: nil, selectLines: [])
        }
        return BankPlan(modems: modems, gpioDirectory: nil, controlSocket: controlSocket ?? "\(directory)/modemsim.sock")
    }

    /// `--config FILE`: every enabled modem of the file at its device path; power and select
    /// lines are watched when the file uses the simulated GPIO driver.
    static func configuration(_ configuration: GatewayConfiguration, controlSocket: String?) -> BankPlan {
        let simulated = configuration.gpio.driver == .simulated
        func address(_ line: GPIOLine) -> GPIOLineAddress { GPIOLineAddress(chip: line.chip, offset: line.offset, activeLow: line.activeLow) }
        let modems = configuration.modems.filter(\.enabled).map { modem in
            var selectLines: [GPIOLineAddress] = []
            if simulated, case .gpio(let lines) = modem.slotSelection { selectLines = lines.map(address) }
            return Modem(
                id: modem.id, device: modem.device, profile: .named(modem.profile), slots: modem.slots,
                power: simulated ? modem.power.map(address) : nil, selectLines: selectLines)
        }
        return BankPlan(
            modems: modems, gpioDirectory: simulated ? configuration.gpio.simulatedStatePath : nil,
            controlSocket: controlSocket ?? "\(configuration.runtime.directory)/modemsim.sock")
    }
}
