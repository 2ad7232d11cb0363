/// One GPIO line as the bridge addresses it: the chip's libgpiod name (`gpiochip0`), the
/// line offset, and whether the line is active-low (logical 1 = physical low).
public struct GPIOLineAddress: Sendable, Hashable, CustomStringConvertible {
    public var chip: String
    public var offset: Int
    public var activeLow: Bool

    public init(chip: String, offset: Int, activeLow: Bool = false) {
        self.chip = chip.hasPrefix("/dev/") ? String(chip.dropFirst(5)) : chip
        self.offset = offset
        self.activeLow = activeLow
    }

    public var description: String { "\(chip) line \(offset)" + (activeLow ? " (active-low)" : "") }
}

/// Why a GPIO operation failed: the line, the operation, and the reason.
public struct GPIOError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Operation: String, Sendable, Hashable {
        case openChip = "open chip"
        case request
        case setValue = "set value"
        case readValue = "read value"
    }

    public var line: GPIOLineAddress
    public var operation: Operation
    public var reason: String

    public init(_ line: GPIOLineAddress, _ operation: Operation, _ reason: String) {
        self.line = line
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "GPIO \(line): \(operation.rawValue) failed: \(reason)" }
}
