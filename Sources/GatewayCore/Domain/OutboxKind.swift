/// What an upstream outbox entry carries to the upstream platform (docs/architecture.md, MT step 6 and MO).
public enum OutboxKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A delivery report (SMPP deliver_sm with receipted_message_id, or the DLR webhook).
    case dlr
    /// An inbound (mobile-originated) message.
    case mo
}
