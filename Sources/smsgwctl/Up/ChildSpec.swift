/// One child `smsgwctl up` runs: what systemd's unit for it says (`ExecStart=`, `Type=`,
/// `WatchdogSec=`), in the order the units are started.
struct ChildSpec: Equatable, Sendable {
    /// The short name (`modemd`): log prefix, log file `<runtime>/logs/<name>.log`.
    var name: String
    var executable: String
    var arguments: [String]
    var readiness: Readiness
    /// `WatchdogSec=`: passed as `WATCHDOG_USEC`; nil for a child that has no watchdog.
    var watchdog: Duration?

    /// When the child counts as started (and the next one may start).
    enum Readiness: Equatable, Sendable {
        /// `Type=notify`: it sends `READY=1` on `NOTIFY_SOCKET`.
        case notify
        /// It does not speak sd_notify (the simulator): started once this socket file exists.
        case socketFile(String)
    }
}
