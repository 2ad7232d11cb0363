import GatewayCore
import GatewayDaemon
import Testing
import GatewayConfig

/// Each daemon's reload policy: what it reports, takes live, and keeps for a restart.
@Suite("ReloadPolicy")
struct ReloadPolicyTests {
    static func startup() throws -> GatewayConfiguration { try ConfigurationReloadTests.configuration() }

    /// A daemon names only the sections it reads: modemd has nothing to say about `[delivery]`,
    /// ingressd nothing about modems.
    @Test func aDaemonReportsOnlyWhatItReads() throws {
        let startup = try Self.startup()
        var changed = startup
        changed.delivery.maxAttempts += 1
        changed.modems[0].baud = startup.modems[0].baud == 9600 ? 115_200 : 9600
        var modemd = ConfigurationReload(startup: startup, policy: .modemd)
        guard case .accepted(_, let applied, let restart) = modemd.take(.success(changed)) else { Issue.record("refused"); return }
        #expect(applied == [] && restart == [.modems])
        var ingressd = ConfigurationReload(startup: startup, policy: .ingressd)
        guard case .accepted(let running, let live, let later) = ingressd.take(.success(changed)) else { Issue.record("refused"); return }
        #expect(live == [.delivery] && later == [])
        #expect(running.delivery == changed.delivery && running.modems == startup.modems)
    }

    /// Why each `sims` change is or is not structural for queued and simd.
    @Test(arguments: [
        ("limits", false), ("groups", false), ("added", true), ("removed", true), ("slot", true), ("disabled", true),
    ])
    func simInventory(change: String, structural: Bool) throws {
        let startup = try Self.startup()
        var changed = startup
        switch change {
        case "limits": changed.sims[0].limits.perHour += 1
        case "groups": changed.sims[0].groups = []
        case "added":
            var sim = startup.sims[0]
            sim.id = "s2"
            sim.slot = 1
            changed.sims.append(sim)
        case "removed": changed.sims = []
        case "slot": changed.sims[0].slot = 1
        default: changed.sims[0].enabled = false
        }
        #expect(ReloadPolicy.simInventory(startup, changed) == (structural ? [.sims] : []))
        var queued = ConfigurationReload(startup: startup, policy: .queued)
        guard case .accepted(_, let applied, let restart) = queued.take(.success(changed)) else { Issue.record("refused"); return }
        #expect(applied == (structural ? [] : [.sims]))
        #expect(restart == (structural ? [.sims] : []))
    }

    /// The thresholds are live; the hardware watchdog and the loop's intervals are not.
    @Test(arguments: [
        ("health_timeout", false), ("restart_limit", false), ("minimum_free_disk_mib", false),
        ("hardware_device", true), ("hardware_timeout", true), ("health_interval", true),
    ])
    func watchdogHardware(key: String, structural: Bool) throws {
        let startup = try Self.startup()
        var changed = startup
        switch key {
        case "health_timeout": changed.watchdog.healthTimeout += .seconds(1)
        case "restart_limit": changed.watchdog.restartLimit += 1
        case "minimum_free_disk_mib": changed.watchdog.minimumFreeDiskMiB += 1
        case "hardware_device": changed.watchdog.hardwareDevice = "/dev/watchdog1"
        case "hardware_timeout": changed.watchdog.hardwareTimeout += .seconds(1)
        default: changed.watchdog.healthInterval += .seconds(1)
        }
        var watchdogd = ConfigurationReload(startup: startup, policy: .watchdogd)
        guard case .accepted(_, let applied, let restart) = watchdogd.take(.success(changed)) else { Issue.record("refused"); return }
        #expect(applied == (structural ? [] : [.watchdog]))
        #expect(restart == (structural ? [.watchdog] : []))
    }

    /// modemd reads only the modem timings of `[watchdog]`: a threshold of watchdogd's is none
    /// of its business, a hang timeout needs its restart.
    @Test func modemdReadsOnlyTheModemTimingsOfTheWatchdogSection() throws {
        let startup = try Self.startup()
        var thresholds = startup
        thresholds.watchdog.restartLimit += 1
        var modemd = ConfigurationReload(startup: startup, policy: .modemd)
        #expect(modemd.take(.success(thresholds)) == .accepted(startup, apply: [], needsRestart: []))
        var timings = thresholds
        timings.watchdog.modemHangTimeout += .seconds(5)
        #expect(modemd.take(.success(timings)) == .accepted(startup, apply: [], needsRestart: [.watchdog]))
    }

    /// Listeners are bound once: ingressd says "needs a restart" for an address, port or timer,
    /// and holds back a login changed in the same file (it comes with the restart).
    @Test func listenersNeedARestart() throws {
        let startup = try Self.startup()
        var changed = startup
        changed.listeners.smpp.port = startup.listeners.smpp.port == 2775 ? 2776 : 2775
        var ingressd = ConfigurationReload(startup: startup, policy: .ingressd)
        #expect(ingressd.take(.success(changed)) == .accepted(startup, apply: [], needsRestart: [.listeners]))
        changed.listeners.admin.user = "operator"
        var both = ConfigurationReload(startup: startup, policy: .ingressd)
        #expect(both.take(.success(changed)) == .accepted(startup, apply: [], needsRestart: [.listeners]))
    }

    /// The web page's login (`[listeners.admin]` user and password) alone is taken live.
    @Test func theWebPageLoginIsLive() throws {
        let startup = try Self.startup()
        var changed = startup
        changed.listeners.admin.user = "operator"
        changed.listeners.admin.password = try PasswordHash.make(password: "correct horse")
        var ingressd = ConfigurationReload(startup: startup, policy: .ingressd)
        #expect(ingressd.take(.success(changed)) == .accepted(changed, apply: [.listeners], needsRestart: []))
    }
}
