/// `[gpio]`: which GPIO implementation drives power and SIM-select lines.
public struct GPIOSettings: Sendable, Equatable {
    public enum Driver: String, Sendable, CaseIterable {
        /// Real lines through libgpiod 1.6 (`/dev/gpiochipN`).
        case libgpiod
        /// A simulated chip whose line states live in a file the modem simulator watches.
        case simulated
    }

    public var driver: Driver
    /// The simulated chip's state file (used only by the `simulated` driver).
    public var simulatedStatePath: String

    public init(driver: Driver, simulatedStatePath: String) {
        self.driver = driver
        self.simulatedStatePath = simulatedStatePath
    }
}

/// One GPIO line: a chip (libgpiod name such as "gpiochip0", or a path "/dev/gpiochip0") and
/// the line's offset on that chip; `activeLow` inverts the logical level.
public struct GPIOLine: Sendable, Hashable, CustomStringConvertible {
    public var chip: String
    public var offset: Int
    public var activeLow: Bool

    public init(chip: String, offset: Int, activeLow: Bool = false) {
        self.chip = chip
        self.offset = offset
        self.activeLow = activeLow
    }

    /// The chip's name whether it was written as a name or a /dev path, so that
    /// "gpiochip0" and "/dev/gpiochip0" are recognised as the same chip.
    public var chipName: String {
        chip.hasPrefix("/dev/") ? String(chip.dropFirst("/dev/".count)) : chip
    }

    /// What makes two lines the same physical line (active-low does not).
    public var identity: String { "\(chipName) line \(offset)" }

    public var description: String { identity + (activeLow ? " (active-low)" : "") }
}
