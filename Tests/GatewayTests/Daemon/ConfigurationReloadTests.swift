import GatewayCore
import GatewayDaemon
import Testing

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
        var reload = ConfigurationReload(startup: startup, live: [.queue])
        let outcome = reload.take(Self.load(ConfigurationFixtures.minimal("[queue]\nno_such_key = 1\n")))
        guard case .refused(let problems) = outcome else { Issue.record("accepted \(outcome)"); return }
        #expect(!problems.problems.isEmpty)
        #expect(reload.lastGood == startup)
    }

    @Test func theSameFileChangesNothing() throws {
        let startup = try Self.configuration()
        var reload = ConfigurationReload(startup: startup, live: [])
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
        var reload = ConfigurationReload(startup: startup, live: [.queue])
        #expect(reload.take(.success(changed)) == .accepted(changed, apply: [.queue], needsRestart: [.box]))
        #expect(reload.take(.success(changed)) == .accepted(changed, apply: [], needsRestart: [.box]))
        #expect(reload.lastGood == changed)
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
