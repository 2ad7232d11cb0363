import GatewayCore

/// A message the queue picked, with the parts still to send.
public struct SendableMessage: Sendable, Hashable {
    public var id: Int64
    public var account: String
    public var source: String
    public var destination: String
    public var messageClass: MessageClass
    public var priority: Int
    public var registeredDelivery: Bool
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    /// Parts not yet sent (all of them on a first attempt), in order.
    public var parts: [PendingPart]

    public struct PendingPart: Sendable, Hashable {
        public var id: Int64
        public var seq: Int
        public var pduHex: String
    }
}
