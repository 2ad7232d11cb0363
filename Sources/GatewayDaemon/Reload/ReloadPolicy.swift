import GatewayCore

/// What one daemon does with each section of a reloaded file (docs/configuration.md,
/// "Reloading"): the sections it reads at all (a change elsewhere is none of its business and is
/// not reported by it; `unread` narrows a section it reads only in part), those it takes live,
/// and which changes inside a live section it still cannot take (`restartOnly`). One place for every daemon, so the documentation's table and
/// the daemons agree.
public struct ReloadPolicy: Sendable {
    /// Which of the live sections that changed between `running` and `new` cannot be taken live
    /// this time (their change is structural: a SIM added, the hardware watchdog device…).
    public typealias RestartOnly = @Sendable (_ running: GatewayConfiguration, _ new: GatewayConfiguration) -> Set<ConfigurationSection>

    public let reads: Set<ConfigurationSection>
    public let live: Set<ConfigurationSection>
    public let restartOnly: RestartOnly
    /// Which of the sections that changed between `running` and `new` changed only in keys
    /// this daemon never reads (nothing to apply, nothing to restart for).
    public let unread: RestartOnly

    public init(reads: Set<ConfigurationSection> = Set(ConfigurationSection.allCases), live: Set<ConfigurationSection>,
                restartOnly: @escaping RestartOnly = { _, _ in [] }, unread: @escaping RestartOnly = { _, _ in [] }) {
        self.reads = reads
        self.live = live.intersection(reads)
        self.restartOnly = restartOnly
        self.unread = unread
    }

    /// The sections that differ between `running` and `new` in what this daemon reads.
    public func changed(from running: GatewayConfiguration, to new: GatewayConfiguration) -> [ConfigurationSection] {
        let unread = unread(running, new)
        return ConfigurationSection.changed(from: running, to: new).filter { reads.contains($0) && !unread.contains($0) }
    }

    /// Accounts (credentials, limits, webhooks) are read per bind and per request; sessions of
    /// an account that lost its access are unbound. Listeners and the store stay as opened.
    /// The web page's login (`[listeners.admin]` user and password) is live too; the rest of
    /// `listeners` (addresses, ports, timers) stays as bound.
    public static let ingressd = ReloadPolicy(reads: [.box, .store, .runtime, .listeners, .accounts, .delivery, .inbound],
                                              live: [.accounts, .delivery, .inbound, .listeners], restartOnly: adminLoginOnly)

    /// `listeners` changed beyond the web page's login (user, password): a listener to bind again.
    @Sendable public static func adminLoginOnly(_ running: GatewayConfiguration, _ new: GatewayConfiguration) -> Set<ConfigurationSection> {
        var login = running.listeners
        login.admin.user = new.listeners.admin.user
        login.admin.password = new.listeners.admin.password
        return login == new.listeners ? [] : [.listeners]
    }
    /// The decisions (attempts, retries, priorities, routes, SIM limits) are rebuilt between
    /// two turns of the work loop; the SIM inventory is set up at start.
    public static let queued = ReloadPolicy(
        reads: [.box, .store, .runtime, .modems, .queue, .routing, .simDefaults, .simGroups, .sims],
        live: [.queue, .routing, .simDefaults, .simGroups, .sims], restartOnly: simInventory)
    /// Limits, schedules and rotation policies of the SIMs that exist, read each turn.
    public static let simd = ReloadPolicy(reads: [.box, .store, .runtime, .modems, .simDefaults, .simGroups, .sims],
                                          live: [.simDefaults, .simGroups, .sims], restartOnly: simInventory)
    /// The policy's thresholds, read each turn; the hardware watchdog and the intervals that
    /// size the probes stay as opened.
    public static let watchdogd = ReloadPolicy(reads: [.box, .store, .runtime, .watchdog], live: [.watchdog],
                                               restartOnly: watchdogHardware)
    /// Serial ports and GPIO lines are opened once, each session's timings set then: nothing
    /// is live.
    public static let modemd = ReloadPolicy(reads: [.box, .store, .runtime, .gpio, .simulator, .watchdog, .modems], live: [],
                                            unread: modemdWatchdogKeys)

    /// `sims` changed in a way a running daemon cannot follow: a SIM added, removed, moved to
    /// another modem or slot, enabled or disabled (its inventory row and the modem's slots are
    /// set up at start). Limits, groups and balance checks of the same SIMs are live.
    @Sendable public static func simInventory(_ running: GatewayConfiguration, _ new: GatewayConfiguration) -> Set<ConfigurationSection> {
        let key = { (sims: [SIMConfiguration]) in sims.map { "\($0.id)\u{0}\($0.modem)\u{0}\($0.slot)\u{0}\($0.enabled)" } }
        return key(running.sims) == key(new.sims) ? [] : [.sims]
    }

    /// modemd reads of `[watchdog]` only the modem timings (poll interval, hang timeout, power-off
    /// and boot times) its sessions are set up with; the rest is watchdogd's.
    @Sendable public static func modemdWatchdogKeys(_ running: GatewayConfiguration, _ new: GatewayConfiguration) -> Set<ConfigurationSection> {
        let (a, b) = (running.watchdog, new.watchdog)
        let same = a.modemPollInterval == b.modemPollInterval && a.modemHangTimeout == b.modemHangTimeout
            && a.powerOffTime == b.powerOffTime && a.modemBootTime == b.modemBootTime
        return same ? [.watchdog] : []
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
