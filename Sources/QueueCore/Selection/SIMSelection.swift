import GatewayCore

/// The outcome of choosing a SIM for one message.
public enum SIMSelection: Sendable, Hashable {
    /// Send through this SIM now.
    case chosen(SIMChoice)
    /// No SIM of the group can send now; the message waits (it does not fail).
    case wait(SIMWait)
}

/// The SIM chosen, and why that one.
public struct SIMChoice: Sendable, Hashable {
    public var simID: String
    public var modemID: String
    public var slot: Int
    public var reason: Reason

    public enum Reason: Sendable, Hashable {
        /// The recipient got a message from this SIM within the sticky window.
        case sticky
        /// The group's strategy ranked it first among the eligible SIMs.
        case strategy
        /// Only SIMs the message already failed on were eligible (a retry prefers others).
        case onlyAvoidedLeft
    }
}

/// Why the group cannot send now, and when to look again.
public struct SIMWait: Sendable, Hashable {
    /// The reason of the SIM closest to sending (see `SIMIneligibility`'s order).
    public var reason: SIMIneligibility
    /// The earliest time at which a SIM becomes eligible by time alone (a gap ends, a window
    /// resets); nil when only an event can help (an outcome, a modem ready, a resume).
    public var lookAgainAt: Timestamp?
    /// Every SIM of the group and why it cannot send, in group order.
    public var ineligible: [(simID: String, reason: SIMIneligibility)]

    public static func == (lhs: SIMWait, rhs: SIMWait) -> Bool {
        lhs.reason == rhs.reason && lhs.lookAgainAt == rhs.lookAgainAt
            && lhs.ineligible.map(\.simID) == rhs.ineligible.map(\.simID) && lhs.ineligible.map(\.reason) == rhs.ineligible.map(\.reason)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(reason)
        hasher.combine(lookAgainAt)
        for entry in ineligible {
            hasher.combine(entry.simID)
            hasher.combine(entry.reason)
        }
    }
}
