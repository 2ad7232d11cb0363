import Logging
import SystemBridge

/// The daemon's `WorkLoopHeartbeat`: the service watchdog from the environment
/// (`WATCHDOG_USEC`/`WATCHDOG_PID`), pets as `WATCHDOG=1` to systemd, a withheld pet logged as
/// an error naming the stuck loops.
public enum DaemonHeartbeat {
    public static func make(logger: Logger) -> WorkLoopHeartbeat {
        let watchdog = ServiceWatchdog.current()
        if let watchdog { logger.info("service watchdog: \(watchdog.timeout), petting every \(watchdog.petInterval) from the work loops") }
        return WorkLoopHeartbeat(
            watchdog: watchdog,
            pet: { ServiceNotifier().watchdogPing() },
            withheld: { stale in logger.error("not petting the watchdog: no turn of \(stale.joined(separator: ", ")) lately") })
    }
}
