import CSystemd

/// Tells systemd about the service's state (`sd_notify(3)`): READY, STOPPING, STATUS and
/// WATCHDOG pings. Outside systemd (`NOTIFY_SOCKET` unset) every call is a no-op that
/// reports `false`, so daemons run unchanged from a shell or under `smsgwctl up`.
public struct ServiceNotifier: Sendable {
    public init() {}

    /// Sends the newline-separated `KEY=VALUE` assignments; true when systemd took them.
    /// (`sd_notifyf` is variadic and not callable from Swift: callers format the state.)
    @discardableResult
    public func notify(_ state: String) -> Bool {
        sd_notify(0, state) > 0
    }

    @discardableResult public func ready(status: String? = nil) -> Bool {
        notify(status.map { "READY=1\nSTATUS=\($0)" } ?? "READY=1")
    }

    @discardableResult public func stopping() -> Bool { notify("STOPPING=1") }

    @discardableResult public func status(_ text: String) -> Bool { notify("STATUS=\(text)") }

    @discardableResult public func watchdogPing() -> Bool { notify("WATCHDOG=1") }

    /// The watchdog interval systemd expects pings within (`WatchdogSec=`), in microseconds,
    /// or nil when the watchdog is off for this process.
    public func watchdogIntervalMicroseconds() -> UInt64? {
        var usec: UInt64 = 0
        return sd_watchdog_enabled(0, &usec) > 0 ? usec : nil
    }
}
