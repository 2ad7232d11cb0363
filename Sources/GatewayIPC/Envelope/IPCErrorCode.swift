/// The machine-readable part of an ``IPCError``: a short snake_case word on the wire.
///
/// The codes below are the transport's own (docs/ipc.md, "Error codes"); a daemon adds its
/// own by extending this type, e.g. `static let modemBusy = IPCErrorCode("modem_busy")`.
public struct IPCErrorCode: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.rawValue)
    }

    public var description: String { self.rawValue }

    // Sent by the server; each closes the connection after the reply.
    /// The frame's length prefix exceeds the receiver's maximum.
    public static let frameTooLarge = IPCErrorCode("frame_too_large")
    /// The frame's payload is not a JSON object.
    public static let malformedFrame = IPCErrorCode("malformed_frame")
    /// Valid JSON, but not an envelope (missing `type` or `id`, unknown `type`).
    public static let invalidEnvelope = IPCErrorCode("invalid_envelope")
    /// The envelope is fine but its `body` is not a request this daemon knows.
    public static let unknownRequest = IPCErrorCode("unknown_request")
    /// The subscriber did not read its events fast enough; the server dropped it.
    public static let slowConsumer = IPCErrorCode("slow_consumer")

    // Sent by the server; the connection stays open.
    /// The handler threw an error that is not an ``IPCError``.
    public static let handlerFailed = IPCErrorCode("handler_failed")
    /// The server is shutting down and did not start this request; it is safe to retry elsewhere or later.
    public static let shuttingDown = IPCErrorCode("shutting_down")

    // Raised by the client itself, never on the wire.
    /// No response within the call's timeout (the request may still run on the server).
    public static let timeout = IPCErrorCode("timeout")
    /// The connection closed before the response came (the request may or may not have run).
    public static let connectionClosed = IPCErrorCode("connection_closed")
    /// The socket could not be reached.
    public static let connectFailed = IPCErrorCode("connect_failed")
    /// The task waiting for the response was cancelled.
    public static let cancelled = IPCErrorCode("cancelled")
    /// A response came for the call but its body did not decode as the protocol's `Response`.
    public static let undecodableResponse = IPCErrorCode("undecodable_response")
    /// The server socket could not be created.
    public static let bindFailed = IPCErrorCode("bind_failed")
    /// The request could not be encoded, or its frame would exceed the maximum frame length.
    public static let unencodableRequest = IPCErrorCode("unencodable_request")
}
