#if canImport(Glibc)
import Glibc
#endif

/// The service watchdog systemd expects this process to pet (`WatchdogSec=`), read from the
/// environment as the service manager sets it, with `sd_watchdog_enabled(3)` semantics:
/// `WATCHDOG_USEC` is a positive decimal count of microseconds; when `WATCHDOG_PID` is set it
/// must name this process (a child that inherited the variables must not pet for its parent).
public struct ServiceWatchdog: Sendable, Equatable {
    /// The whole interval systemd waits for a `WATCHDOG=1` before it acts.
    public let timeout: Duration

    public init(timeout: Duration) { self.timeout = timeout }

    /// How often to pet: half of the timeout (`sd_watchdog_enabled(3)` recommends it).
    public var petInterval: Duration { timeout / 2 }

    /// The watchdog for `pid` described by `environment`, or nil when it is off for this process
    /// (unset, empty, zero, not a number, or `WATCHDOG_PID` names another process).
    public static func from(environment: [String: String], pid: Int32) -> ServiceWatchdog? {
        guard let text = environment["WATCHDOG_USEC"], let usec = UInt64(text), usec > 0,
              usec <= UInt64(Int64.max) else { return nil }
        if let pidText = environment["WATCHDOG_PID"] {
            guard let owner = Int32(pidText), owner > 0, owner == pid else { return nil }
        }
        return ServiceWatchdog(timeout: .microseconds(Int64(usec)))
    }

    /// This process's watchdog, from its own environment.
    public static func current() -> ServiceWatchdog? {
        var environment: [String: String] = [:]
        for name in ["WATCHDOG_USEC", "WATCHDOG_PID"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return from(environment: environment, pid: getpid())
    }
}
