/// A byte stream that cannot be split into frames (docs/ipc.md, "Wire format").
public struct IPCFrameError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The length prefix announces more than the receiver accepts.
        case tooLarge(length: UInt64, maximum: Int)
        /// The stream ended inside a frame.
        case truncated(pendingBytes: Int)
    }

    public let reason: Reason

    public init(reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch self.reason {
        case .tooLarge(let length, let maximum):
            "frame length \(length) exceeds the maximum of \(maximum) octets"
        case .truncated(let pending):
            "stream ended inside a frame (\(pending) octets of it received)"
        }
    }
}
