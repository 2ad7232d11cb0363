import GatewayCore

/// A message as its sender may see it (the HTTP API's `GET /api/v1/messages/{id}`).
public struct MessageStatusRecord: Sendable, Hashable {
    public var id: Int64
    public var account: String
    public var clientReference: String?
    public var source: String
    public var destination: String
    public var messageClass: String
    public var priority: Int
    public var state: MessageState
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var notBefore: Timestamp
    public var expiresAt: Timestamp
    public var parts: [PartStatusRecord]
}

/// One part of a message and how far it got.
public struct PartStatusRecord: Sendable, Hashable {
    public var sequence: Int
    public var state: String
    public var sentAt: Timestamp?
    public var deliveredAt: Timestamp?
    public var errorCode: Int?
}

/// A complete inbound message on its way to an account (an outbox row of kind `mo`).
public struct InboundFeedRecord: Sendable, Hashable {
    public var id: Int64
    public var originator: String
    public var text: String
    public var receivedAt: Timestamp
    /// The outbox entry's state: `pending`, `done` (taken upstream) or `dead`.
    public var forwardState: String
}
