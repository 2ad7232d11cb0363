import GatewayCore

/// A SIM the dispatcher may send through now: in a ready, idle, unpaused modem, with its
/// groups and limits from the configuration and its counts from the store.
struct SIMCandidate: Sendable, Equatable {
    var modem: String
    var modemID: Int64
    var iccid: String
    var simID: Int64
    var groups: [String]
    var limits: SIMLimits
    /// Sent in the current hour, day and month (from `sim_counters`).
    var sentThisHour: Int
    var sentToday: Int
    var sentThisMonth: Int
    /// Monotonic milliseconds of its last send (0: never since start).
    var lastSentAt: Int64
    /// Monotonic milliseconds before which the pacing gap (with its jitter) forbids a send.
    var nextAllowedAt: Int64

    /// Whether `parts` more messages fit under every limit (issue 4, "Routing").
    func hasRoom(for parts: Int) -> Bool {
        sentThisHour + parts <= limits.perHour && sentToday + parts <= limits.perDay && sentThisMonth + parts <= limits.perMonth
    }
}

/// The choice of a SIM for one message within its group: room under the limits, past its
/// pacing gap, a SIM that just failed this message last, then least used today, then least
/// recently used. (The decision moves to QueueCore, with sticky routing, when it lands.)
enum SIMChoice {
    static func choose(group: String, parts: Int, among candidates: [SIMCandidate], avoiding: Set<Int64>,
                       nowMonotonic: Int64) -> SIMCandidate? {
        candidates
            .filter { $0.groups.contains(group) && $0.hasRoom(for: parts) && $0.nextAllowedAt <= nowMonotonic }
            .min { a, b in
                let avoidA = avoiding.contains(a.simID), avoidB = avoiding.contains(b.simID)
                if avoidA != avoidB { return !avoidA }
                if a.sentToday != b.sentToday { return a.sentToday < b.sentToday }
                if a.lastSentAt != b.lastSentAt { return a.lastSentAt < b.lastSentAt }
                return a.modem < b.modem
            }
    }
}
