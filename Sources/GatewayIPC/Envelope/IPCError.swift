/// An error that crosses the socket: a code for programs and a message for people.
/// A handler throws it to answer a request with an error response (docs/ipc.md, "Error codes").
public struct IPCError: Error, Codable, Equatable, Sendable, CustomStringConvertible {
    public let code: IPCErrorCode
    public let message: String

    public init(_ code: IPCErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(self.code): \(self.message)" }
}
