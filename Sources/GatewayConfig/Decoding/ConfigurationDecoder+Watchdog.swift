import GatewayCore

/// `[watchdog]` and `[sim_defaults]`-style limits.
extension ConfigurationDecoder {
    mutating func decodeWatchdog(_ root: inout TableReader) -> WatchdogSettings {
        let defaults = ConfigurationDefaults.watchdog
        let short = ValueKind<Duration>.duration(.milliseconds(100) ... .seconds(3600))
        return section("watchdog", of: &root) { reader, log in
            WatchdogSettings(
                healthInterval: reader.read("health_interval", short, default: defaults.healthInterval, log: &log),
                healthTimeout: reader.read("health_timeout", short, default: defaults.healthTimeout, log: &log),
                restartLimit: reader.read("restart_limit", .integer(0...100), default: defaults.restartLimit, log: &log),
                modemPollInterval: reader.read("modem_poll_interval", short, default: defaults.modemPollInterval, log: &log),
                modemHangTimeout: reader.read("modem_hang_timeout", short, default: defaults.modemHangTimeout, log: &log),
                powerOffTime: reader.read("power_off_time", short, default: defaults.powerOffTime, log: &log),
                modemBootTime: reader.read("modem_boot_time", short, default: defaults.modemBootTime, log: &log),
                hardwareEnabled: reader.read("hardware", .boolean, default: defaults.hardwareEnabled, log: &log),
                hardwareDevice: reader.read("hardware_device", .text, default: defaults.hardwareDevice, log: &log),
                hardwarePingInterval: reader.read("hardware_ping_interval", short, default: defaults.hardwarePingInterval, log: &log),
                hardwareTimeout: reader.read("hardware_timeout", short, default: defaults.hardwareTimeout, log: &log),
                killAfter: reader.read("kill_after", short, default: defaults.killAfter, log: &log),
                integrityCheckInterval: reader.read("integrity_check_interval", .duration(.seconds(1) ... .seconds(86400)),
                                                    default: defaults.integrityCheckInterval, log: &log),
                minimumFreeDiskMiB: reader.read("min_free_disk_mib", .integer(0...1_000_000),
                                                default: defaults.minimumFreeDiskMiB, log: &log),
                minimumFreeMemoryMiB: reader.read("min_free_memory_mib", .integer(0...1_000_000),
                                                  default: defaults.minimumFreeMemoryMiB, log: &log))
        }
    }

    /// per_hour, per_day, per_month and cooldown, each falling back to `defaults`; a limit
    /// larger than the one of a longer period is reported (it could never be reached).
    static func decodeLimits(_ reader: inout TableReader, defaults: SIMLimits, log: inout DecodeLog) -> SIMLimits {
        let count = ValueKind<Int>.integer(1...1_000_000)
        let limits = SIMLimits(
            perHour: reader.read("per_hour", count, default: defaults.perHour, log: &log),
            perDay: reader.read("per_day", count, default: defaults.perDay, log: &log),
            perMonth: reader.read("per_month", count, default: defaults.perMonth, log: &log),
            cooldown: reader.read("cooldown", .duration(.zero ... .seconds(86400)), default: defaults.cooldown, log: &log))
        blameWritten(limits.perHour > limits.perDay, "per_hour", "per_day",
                     "per_hour (\(limits.perHour)) is more than per_day (\(limits.perDay))", in: reader, log: &log)
        blameWritten(limits.perDay > limits.perMonth, "per_day", "per_month",
                     "per_day (\(limits.perDay)) is more than per_month (\(limits.perMonth))", in: reader, log: &log)
        return limits
    }

    /// Reports a clash between two keys of `reader` at the first of them this table wrote;
    /// nothing when it wrote neither (the clash is in the defaults it inherits, reported there).
    private static func blameWritten(
        _ clash: Bool, _ first: String, _ second: String, _ reason: String, in reader: TableReader, log: inout DecodeLog
    ) {
        guard clash, let key = [first, second].first(where: { reader.table[$0] != nil }) else { return }
        log.report(.conflict(reason), key: reader.keyPath(key))
    }
}
