import GatewayCore
import WatchdogPolicy

/// `[watchdog]` as the policy reads it: the escalation thresholds and the box's minimums
/// (docs/watchdogd.md). Both are taken again on a reload (`ReloadPolicy.watchdogd`).
extension WatchdogSettings {
    var policy: PolicySettings {
        PolicySettings(
            healthTimeout: healthTimeout.milliseconds, killAfter: killAfter.milliseconds,
            restartLimit: restartLimit, modemHangTimeout: modemHangTimeout.milliseconds,
            modemSettleTime: (powerOffTime + modemBootTime).milliseconds)
    }

    var thresholds: BoxThresholds {
        let mebibyte: Int64 = 1 << 20
        return BoxThresholds(minimumFreeDisk: Int64(minimumFreeDiskMiB) * mebibyte,
                             minimumFreeMemory: Int64(minimumFreeMemoryMiB) * mebibyte)
    }
}
