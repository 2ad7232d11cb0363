/// A daemon as the health snapshot shows it (`watchdog_health.state`).
public enum DaemonCondition: String, Sendable, Hashable, Codable {
    /// Not answered once since smsgw-watchdogd started: nothing is escalated for it.
    case unknown
    case healthy
    /// Silent, unhealthy or stuck, not yet for `health_timeout`; perhaps asked to recover.
    case degraded
    /// Terminated or killed; waiting for its supervisor to start it again.
    case restarting
}
