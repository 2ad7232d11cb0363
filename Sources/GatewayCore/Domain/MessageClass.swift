/// What kind of traffic a message is; the queue sends `otp` before `transactional` before
/// `marketing`, and compliance rules (quiet hours, consent) apply to marketing only.
public enum MessageClass: String, Sendable, Hashable, CaseIterable, Codable {
    case otp
    case transactional
    case marketing

    /// Lower sends first.
    public var rank: Int {
        switch self {
        case .otp: 0
        case .transactional: 1
        case .marketing: 2
        }
    }
}
