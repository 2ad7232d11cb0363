import GatewayCore

/// One line of a message's history (`message_events`).
public struct HistoryEntry: Sendable, Hashable {
    public var at: Timestamp
    public var state: MessageState
    public var actor: HistoryActor
    public var detail: String

    public init(at: Timestamp, state: MessageState, actor: HistoryActor, detail: String = "") {
        self.at = at
        self.state = state
        self.actor = actor
        self.detail = detail
    }
}
