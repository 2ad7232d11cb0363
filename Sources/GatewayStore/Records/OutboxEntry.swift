import GatewayCore

/// An entry of the upstream outbox, as claimed by ingress for delivery.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var kind: OutboxKind
    public var account: String
    /// The MT message a DLR is about.
    public var messageID: Int64?
    /// The inbound message an MO entry carries.
    public var inboundID: Int64?
    public var payload: [UInt8]
    /// Attempts made so far, this claim included.
    public var attempts: Int
}
