import GatewayCore

/// The SIM that last sent to a recipient, and when: sticky routing keeps a conversation on one
/// SIM so the recipient sees one sender number.
public struct StickyHint: Sendable, Hashable {
    public var simID: String
    public var sentAt: Timestamp

    public init(simID: String, sentAt: Timestamp) {
        self.simID = simID
        self.sentAt = sentAt
    }
}
