/// What the modem supervisor (`smsgw-modemd`) last knew of a modem.
public enum ModemState: String, Sendable, Hashable, CaseIterable, Codable {
    case unknown
    case initializing
    case ready
    /// Stopped answering; due for a soft reset or a GPIO power cycle.
    case hung
    case resetting
    case offline
    /// Switched off by the operator.
    case disabled
}
