import GatewayCore

/// The windows SIM limits count in (per hour, day, month). `start(containing:)` draws them in
/// UTC; callers with a local calendar pass their own starts (`SimCounterWindows`).
public enum SimCounterPeriod: String, Sendable, Hashable, CaseIterable {
    case hour
    case day
    case month

    /// The start of the window of this period that holds `time`, in UTC.
    public func start(containing time: Timestamp) -> Timestamp {
        let period: LimitPeriod = switch self {
        case .hour: .hour
        case .day: .day
        case .month: .month
        }
        return LocalCalendar.utc.start(of: period, containing: time)
    }
}
