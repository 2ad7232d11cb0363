/// One `[[modems]]` entry: a modem module on a serial line, with its SIM slots.
public struct ModemConfiguration: Sendable, Equatable {
    public var id: String
    public var enabled: Bool
    /// The serial device (a udev symlink on the box, a pty path for the simulator).
    public var device: String
    public var baud: Int
    public var profile: ModemVendorProfile
    /// How many SIM slots the module has; SIMs use slot indexes 0 ..< slots.
    public var slots: Int
    /// The line that switches the module's power (or presses its power key), if any.
    public var power: GPIOLine?
    public var slotSelection: SlotSelection

    public init(
        id: String, enabled: Bool = true, device: String, baud: Int = ConfigurationDefaults.modemBaud,
        profile: ModemVendorProfile = ConfigurationDefaults.modemProfile, slots: Int = 1,
        power: GPIOLine? = nil, slotSelection: SlotSelection = .fixed
    ) {
        self.id = id
        self.enabled = enabled
        self.device = device
        self.baud = baud
        self.profile = profile
        self.slots = slots
        self.power = power
        self.slotSelection = slotSelection
    }

    /// termios speeds a modem's serial line may use.
    public static let supportedBaudRates: [Int] = [9600, 19200, 38400, 57600, 115_200, 230_400, 460_800, 921_600]
}

/// How a modem with several SIM slots is told which slot to use.
public enum SlotSelection: Sendable, Equatable {
    /// One slot, nothing to select.
    case fixed
    /// GPIO lines carry the slot index in binary, first line = least significant bit.
    case gpio([GPIOLine])
    /// An AT command in which `{slot}` is replaced by the slot index, e.g. `AT+QDSIM={slot}`.
    case atCommand(String)

    /// The placeholder an AT command template must contain.
    public static let slotPlaceholder = "{slot}"

    /// How many slots this selection can address.
    public var addressableSlots: Int {
        switch self {
        case .fixed: 1
        case .gpio(let lines): lines.count >= 20 ? Int.max : 1 << lines.count
        case .atCommand: Int.max
        }
    }
}
