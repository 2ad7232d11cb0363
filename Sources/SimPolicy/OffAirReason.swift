import GatewayCore
import QueueCore

/// Why a SIM may not be (or stay) on air, and what it becomes when it leaves.
public enum OffAirReason: Sendable, Hashable, CustomStringConvertible {
    case disabled
    case locked
    case quarantined
    /// A switch to it failed; tried again after its `coolingUntil`.
    case missing
    /// Resting until its cool-down ends.
    case cooling(until: Timestamp)
    /// Its count in the local `period` window reached the limit.
    case limitReached(LimitPeriod, resetsAt: Timestamp)
    /// Its group's `unique_recipients_per_month` reached.
    case uniqueRecipients(resetsAt: Timestamp)
    /// Outside its group's `active_hours`.
    case outsideActiveHours
    /// Its stint on air reached the drawn message count.
    case stintMessages(Int)
    /// Its stint on air reached the drawn duration.
    case stintTime(Duration)
    /// A person asked for a rotation.
    case manual

    public var description: String {
        switch self {
        case .disabled: "disabled in the configuration"
        case .locked: "locked"
        case .quarantined: "quarantined"
        case .missing: "missing"
        case .cooling(let until): "cooling until \(until)"
        case .limitReached(let period, _): "\(period.rawValue) limit reached"
        case .uniqueRecipients: "unique recipients per month reached"
        case .outsideActiveHours: "outside active hours"
        case .stintMessages(let count): "rotate after \(count) messages"
        case .stintTime(let duration): "rotate after \(DurationText.format(duration)) on air"
        case .manual: "rotation asked for"
        }
    }

    /// The state a SIM leaving the air for this reason takes, and until when it rests. A
    /// rotation by count, time or by hand rests `cooldown_after_rotation`; a full SIM rests
    /// until its window resets.
    public func stateOffAir(now: Timestamp, policy: SIMRotationPolicy) -> (state: SimRotationState, until: Timestamp?) {
        switch self {
        case .disabled, .outsideActiveHours: (.standby, nil)
        case .locked: (.locked, nil)
        case .quarantined: (.quarantined, nil)
        case .missing: (.missing, nil)
        case .cooling(let until): (.cooling, until)
        case .limitReached(_, let resetsAt), .uniqueRecipients(let resetsAt): (.cooling, resetsAt)
        case .stintMessages, .stintTime, .manual:
            policy.cooldownAfterRotation > .zero ? (.cooling, now + policy.cooldownAfterRotation) : (.standby, nil)
        }
    }
}
