import GatewayCore

/// The starts of the hour, day and month windows that hold "now", as the caller's calendar
/// draws them (the queue uses the box's local calendar, QueueCore `LocalCalendar`, so a daily
/// limit resets at local midnight). The store keys `sim_counters` rows by these starts.
public struct SimCounterWindows: Sendable, Hashable {
    public var hour: Timestamp
    public var day: Timestamp
    public var month: Timestamp

    public init(hour: Timestamp, day: Timestamp, month: Timestamp) {
        self.hour = hour
        self.day = day
        self.month = month
    }

    /// The start of the `period` window.
    public subscript(period: SimCounterPeriod) -> Timestamp {
        switch period {
        case .hour: hour
        case .day: day
        case .month: month
        }
    }
}
