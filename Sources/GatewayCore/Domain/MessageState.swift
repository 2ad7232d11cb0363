/// Where a mobile-terminated message is in its life (docs/architecture.md, "Data flow: a message out").
/// Every change is appended to the message's history.
public enum MessageState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Durable in the store; the first history entry of every message.
    case accepted
    /// Waiting to be picked.
    case queued
    /// Not sendable yet: scheduled for later, or kept back by a compliance rule.
    case held
    /// An attempt is in flight: handed to a modem.
    case sending
    /// Every part was accepted by the network (`+CMGS: <mr>`).
    case sent
    /// Every part was reported delivered by a status report.
    case delivered
    /// Given up: refused by the network or by a status report, with no retry left.
    case failed
    /// The validity period ran out before it could be delivered.
    case expired
    /// The outcome of an attempt is unknown (the sender died between AT+CMGS and its answer).
    case unknown
    /// Cancelled by the upstream account or the operator before it was sent.
    case cancelled

    /// True when no further transition is expected (status reports may still arrive for `sent`).
    public var isFinal: Bool {
        switch self {
        case .delivered, .failed, .expired, .cancelled: true
        case .accepted, .queued, .held, .sending, .sent, .unknown: false
        }
    }
}
