import GatewayCore

/// The order the queue sends in (docs/architecture.md, MT step 3): class (otp, transactional,
/// marketing), then priority (higher first), then age (older first), then id. The store's
/// `messages_pick` index walks the same order; this key orders what is in memory.
public struct SendOrderKey: Sendable, Hashable, Comparable {
    public var messageClass: MessageClass
    /// 0 ... 3, higher sends first (SMPP priority_flag).
    public var priority: Int
    public var createdAt: Timestamp
    public var id: Int64

    public init(messageClass: MessageClass, priority: Int, createdAt: Timestamp, id: Int64) {
        self.messageClass = messageClass
        self.priority = priority
        self.createdAt = createdAt
        self.id = id
    }

    public static func < (lhs: SendOrderKey, rhs: SendOrderKey) -> Bool {
        (lhs.messageClass.rank, -lhs.priority, lhs.createdAt.millisecondsSince1970, lhs.id)
            < (rhs.messageClass.rank, -rhs.priority, rhs.createdAt.millisecondsSince1970, rhs.id)
    }
}
