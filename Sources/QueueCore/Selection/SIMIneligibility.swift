import GatewayCore

/// Why one SIM cannot send now. Ordered from "soon" to "not without a person": the reason
/// closest to sending explains a wait best.
public enum SIMIneligibility: Sendable, Hashable, CustomStringConvertible {
    /// Its modem has a message in flight (one per modem): look again when the outcome arrives.
    case modemBusy
    /// Its minimum gap since the last send has not passed.
    case pacing(until: Timestamp)
    /// A count reached its limit; `resetsAt` is when the latest-resetting full window ends.
    case limitReached(LimitPeriod, resetsAt: Timestamp)
    /// Its modem uses another slot now (SIM rotation switches it).
    case slotNotActive
    /// Its modem is not ready (booting, hung, resetting, offline).
    case modemNotReady(ModemState)
    /// Paused by an operator or by rotation (the SIM or its modem).
    case paused
    /// Disabled in the configuration (the SIM or its modem), or its modem is unknown.
    case disabled

    /// When this SIM becomes eligible with no event, if time alone cures it.
    public var eligibleAt: Timestamp? {
        switch self {
        case .pacing(let until): until
        case .limitReached(_, let resetsAt): resetsAt
        default: nil
        }
    }

    var rank: Int {
        switch self {
        case .modemBusy: 0
        case .pacing: 1
        case .limitReached: 2
        case .slotNotActive: 3
        case .modemNotReady: 4
        case .paused: 5
        case .disabled: 6
        }
    }

    public var description: String {
        switch self {
        case .modemBusy: "modem busy"
        case .pacing(let until): "minimum gap until \(until)"
        case .limitReached(let period, let resetsAt): "\(period.rawValue) limit reached, resets at \(resetsAt)"
        case .slotNotActive: "slot not active"
        case .modemNotReady(let state): "modem \(state.rawValue)"
        case .paused: "paused"
        case .disabled: "disabled"
        }
    }
}
