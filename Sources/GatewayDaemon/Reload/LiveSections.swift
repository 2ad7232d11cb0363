import GatewayCore

/// Which configuration sections each daemon takes on a reload without a restart
/// (docs/configuration.md, "Reloading"), and which changes inside them it still cannot take.
/// One place, so the table in the documentation and the daemons agree.
public enum LiveSections {
    /// Accounts (credentials, limits, webhooks) are read per bind and per request; sessions of
    /// an account that lost its access are unbound. Listeners and the store stay as opened.
    public static let ingressd: Set<ConfigurationSection> = [.accounts, .delivery, .inbound]
    /// The decisions (attempts, retries, priorities, routes, SIM limits) are rebuilt between
    /// two turns of the work loop.
    public static let queued: Set<ConfigurationSection> = [.queue, .routing, .simDefaults, .simGroups, .sims]
    /// Limits, schedules and rotation policies of the SIMs that exist, read each turn.
    public static let simd: Set<ConfigurationSection> = [.simDefaults, .simGroups, .sims]
    /// The policy's thresholds, read each turn; the hardware watchdog and the intervals that
    /// size the probes stay as opened (`watchdogHardware`).
    public static let watchdogd: Set<ConfigurationSection> = [.watchdog]
    /// Serial ports and GPIO lines are opened once: nothing is live.
    public static let modemd: Set<ConfigurationSection> = []

    /// `sims` changed in a way a running daemon cannot follow: a SIM added, removed, moved to
    /// another modem or slot, enabled or disabled (its inventory row and the modem's slots are
    /// set up at start). Limits, groups and balance checks of the same SIMs are live.
    @Sendable public static func simInventory(_ running: GatewayConfiguration, _ new: GatewayConfiguration) -> Set<ConfigurationSection> {
        let key = { (sims: [SIMConfiguration]) in sims.map { "\($0.id)\u{0}\($0.modem)\u{0}\($0.slot)\u{0}\($0.enabled)" } }
        return key(running.sims) == key(new.sims) ? [] : [.sims]
    }

    /// `watchdog` changed in what is set up once: the hardware watchdog (device, timeout, ping
    /// interval, on/off), the health interval (it sizes the probes' timeouts and the loop's own
    /// stall limit) and the integrity check's interval. The thresholds are live.
    @Sendable public static func watchdogHardware(_ running: GatewayConfiguration, _ new: GatewayConfiguration) -> Set<ConfigurationSection> {
        let (a, b) = (running.watchdog, new.watchdog)
        let same = a.hardwareEnabled == b.hardwareEnabled && a.hardwareDevice == b.hardwareDevice
            && a.hardwareTimeout == b.hardwareTimeout && a.hardwarePingInterval == b.hardwarePingInterval
            && a.healthInterval == b.healthInterval && a.integrityCheckInterval == b.integrityCheckInterval
        return same ? [] : [.watchdog]
    }
}
