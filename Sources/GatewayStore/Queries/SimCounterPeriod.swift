import GatewayCore

/// The windows SIM limits count in (per hour, day, month). The store keys `sim_counters` rows
/// by each window's start, which the caller draws in the box's calendar (`SimCounterWindows`).
public enum SimCounterPeriod: String, Sendable, Hashable, CaseIterable {
    case hour
    case day
    case month
}
