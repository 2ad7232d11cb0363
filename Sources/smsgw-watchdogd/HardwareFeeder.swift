import Logging
import SystemBridge

/// The box's hardware watchdog as watchdogd holds it: opened at start (or, where there is
/// none, said once and carried on without), fed by the watch loop only while the box is
/// healthy, closed with the magic 'V' on a clean stop — and never again fed, nor closed
/// cleanly, once the box was let reboot.
actor HardwareFeeder {
    private var device: HardwareWatchdog?
    private var stoppedFeeding = false
    private var lastFeed: Int64?
    private let interval: Int64
    private let logger: Logger
    /// Nil when there is no device (or it is switched off); else whether it is being fed.
    var feeding: Bool? { device == nil ? nil : !stoppedFeeding }

    init(settings enabled: Bool, path: String, timeout: Duration, interval: Duration, logger: Logger) {
        self.interval = interval.milliseconds
        self.logger = logger
        guard enabled else {
            logger.notice("hardware watchdog off by configuration (watchdog.hardware = false)")
            return
        }
        do {
            let device = try HardwareWatchdog.open(path: path, timeoutSeconds: Int32(clamping: timeout.components.seconds))
            self.device = device
            if let granted = device.timeoutSeconds {
                logger.notice("hardware watchdog \(path) opened, timeout \(granted) s")
            } else {
                logger.notice("hardware watchdog \(path) opened; it did not take WDIOC_SETTIMEOUT, its own timeout applies")
            }
        } catch {
            // Said once, here; the daemon carries on without one.
            logger.warning("\(error); carrying on without a hardware watchdog")
        }
    }

    /// Feeds when due (every `hardware_ping_interval`), unless feeding stopped.
    func feedIfDue(now: Int64) {
        guard let device, !stoppedFeeding else { return }
        if let lastFeed, now - lastFeed < interval { return }
        do {
            try device.feed()
            lastFeed = now
        } catch {
            logger.error("\(error)")
        }
    }

    /// The last rung: no more feeds; the box resets when the timer runs out.
    func stopFeeding(reason: String) -> String {
        guard let device else { return "no hardware watchdog: nothing to stop feeding" }
        stoppedFeeding = true
        logger.critical("stopped feeding the hardware watchdog \(device.path): \(reason); the box resets when it expires")
        return "stopped feeding \(device.path)"
    }

    /// Clean stop: magic close, unless the box was let reboot (then the timer keeps running).
    func close() {
        guard let device else { return }
        if stoppedFeeding {
            device.abandon()
            logger.critical("closed the hardware watchdog without the magic character: the box will reset")
        } else {
            device.closeCleanly()
            logger.notice("hardware watchdog stopped (magic close)")
        }
        self.device = nil
    }
}
