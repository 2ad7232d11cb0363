import GatewayCore
import GatewayDaemon
import Testing
import GatewayConfig

/// SIGHUP's decision, without a signal: an invalid file keeps the last good configuration;
/// a good one names what applies live and what needs a restart.
@Suite("ConfigurationReload")
struct ConfigurationReloadTests {
    static func load(_ text: String) -> Result<GatewayConfiguration, ConfigurationProblems> {
        do { return .success(try ConfigurationLoader.decode(text, file: "gateway.toml", environment: ConfigurationFixtures.environment)) } catch {
            return .failure(error)
        }
    }

    static func configuration(_ extra: String = "") throws -> GatewayConfiguration {
        try load(ConfigurationFixtures.minimal(extra)).get()
    }

    @Test func anInvalidFileIsRefusedAndTheLastGoodKept() throws {
        let startup = try Self.configuration()
        var reload = ConfigurationReload(startup: startup, policy: ReloadPolicy(live: [.queue]))
        let outcome = reload.take(Self.load(ConfigurationFixtures.minimal("[queue]\nno_such_key = 1\n")))
        guard case .refused(let problems) = outcome else { Issue.record("accepted \(outcome)"); return }
        #expect(!problems.problems.isEmpty)
        #expect(reload.lastGood == startup)
    }

    @Test func theSameFileChangesNothing() throws {
        let startup = try Self.configuration()
        var reload = ConfigurationReload(startup: startup, policy: ReloadPolicy(live: []))
        #expect(reload.take(.success(startup)) == .accepted(startup, apply: [], needsRestart: []))
    }

    /// A live section is applied once (the next identical reload has nothing to apply), and a
    /// section the daemon cannot take live stays "needs a restart" on every later reload, since
    /// the daemon still runs with its start-up value.
    @Test func liveSectionsApplyOnceRestartSectionsKeepBeingNamed() throws {
        let startup = try Self.configuration()
        var changed = startup
        changed.queue.maxAttempts += 1
        changed.box.name = startup.box.name + "-renamed"
        var reload = ConfigurationReload(startup: startup, policy: ReloadPolicy(live: [.queue]))
        var running = startup
        running.queue = changed.queue
        #expect(reload.take(.success(changed)) == .accepted(running, apply: [.queue], needsRestart: [.box]))
        #expect(reload.take(.success(changed)) == .accepted(running, apply: [], needsRestart: [.box]))
        #expect(reload.lastGood == changed)
        #expect(reload.running == running)
    }

    /// A live section whose change the daemon calls structural (here: any change to `sims`
    /// counts) is not applied and stays "needs a restart"; the running configuration keeps its
    /// start-up value, so a later file that restores it has nothing left to restart for.
    @Test func aStructuralChangeToALiveSectionNeedsARestart() throws {
        let startup = try Self.configuration()
        var changed = startup
        changed.queue.maxAttempts += 1
        changed.sims = []
        var reload = ConfigurationReload(startup: startup, policy: ReloadPolicy(
            live: [.queue, .sims], restartOnly: { running, new in running.sims.count == new.sims.count ? [] : [.sims] }))
        var running = startup
        running.queue = changed.queue
        #expect(reload.take(.success(changed)) == .accepted(running, apply: [.queue], needsRestart: [.sims]))
        #expect(reload.take(.success(running)) == .accepted(running, apply: [], needsRestart: []))
    }

    /// A section reverted to its start-up value in a later file is applied again (back).
    @Test func aRevertedLiveSectionIsAppliedBack() throws {
        let startup = try Self.configuration()
        var changed = startup
        changed.queue.maxAttempts += 1
        var reload = ConfigurationReload(startup: startup, policy: ReloadPolicy(live: [.queue]))
        #expect(reload.take(.success(changed)) == .accepted(changed, apply: [.queue], needsRestart: []))
        #expect(reload.take(.success(startup)) == .accepted(startup, apply: [.queue], needsRestart: []))
    }

    @Test func sectionsDiff() throws {
        let startup = try Self.configuration()
        var changed = startup
        changed.queue.maxAttempts += 1
        changed.box.timeZone = "Europe/Amsterdam"
        #expect(ConfigurationSection.changed(from: startup, to: changed) == [.box, .queue])
        #expect(ConfigurationSection.changed(from: startup, to: startup) == [])
    }
}
