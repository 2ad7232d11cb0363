/// A serial line operation that failed: the device, what was done, and the system's reason.
public struct SerialPortError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Operation: String, Sendable, Hashable {
        case open, configure, read, write, poll
        case unsupportedBaudRate = "set baud rate"
    }

    public var device: String
    public var operation: Operation
    public var reason: String

    public init(device: String, operation: Operation, reason: String) {
        self.device = device
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "serial line \(device): \(operation.rawValue) failed: \(reason)" }
}
