/// Who made a change recorded in a message's history (docs/architecture.md, "Processes").
public enum HistoryActor: String, Sendable, Hashable, CaseIterable, Codable {
    /// `smsgw-ingressd`: accepted, cancelled on upstream request.
    case ingress
    /// `smsgw-queued`: picked, held, sent, retried, expired, correlated.
    case queue
    /// `smsgw-modemd`, where it reports an outcome directly.
    case modem
    /// A person, through the web page or `smsgwctl`.
    case `operator`
}
