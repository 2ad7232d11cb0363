import GatewayCore
import GatewayDaemon
import GatewayIPC
import Logging
import Synchronization
import Testing

/// The reloader SIGHUP and the control sockets' `reload` share: what it reports, what it hands
/// the daemon to apply, and that reloads asked at once run one after the other in order.
@Suite("ConfigurationReloader")
struct ConfigurationReloaderTests {
    /// What `apply` was handed, in order.
    final class Applied: Sendable {
        let calls = Mutex<[[ConfigurationSection]]>([])
    }

    /// The "file": each reload reads whatever the test put here last.
    final class FileText: Sendable {
        let text: Mutex<String>
        init(_ text: String) { self.text = Mutex(text) }
    }

    static func reloader(startup: GatewayConfiguration, file: FileText, applied: Applied,
                         live: Set<ConfigurationSection> = [.queue]) -> ConfigurationReloader {
        ConfigurationReloader(daemon: "queued", file: "gateway.toml", startup: startup, policy: ReloadPolicy(live: live),
                              logger: Logger(label: "test"),
                              apply: { _, sections in applied.calls.withLock { $0.append(sections) } },
                              load: { _ in ConfigurationReloadTests.load(file.text.withLock { $0 }) })
    }

    @Test func aRefusedFileIsReportedWithEveryProblemAndNothingApplied() async throws {
        let startup = try ConfigurationReloadTests.configuration()
        let file = FileText(ConfigurationFixtures.minimal("[queue]\nno_such_key = 1\nmax_attempts = -3\n"))
        let applied = Applied()
        let report = await Self.reloader(startup: startup, file: file, applied: applied).reload()
        #expect(report.daemon == "queued" && report.file == "gateway.toml")
        #expect(!report.accepted)
        #expect(report.problems.count >= 2, "every problem: \(report.problems)")
        #expect(report.problems.allSatisfy { $0.contains("queue.") })
        #expect(report.applied.isEmpty && report.needsRestart.isEmpty)
        #expect(applied.calls.withLock { $0 }.isEmpty)
    }

    @Test func aGoodFileAppliesItsLiveSectionsAndNamesTheRest() async throws {
        let startup = try ConfigurationReloadTests.configuration()
        let file = FileText(ConfigurationFixtures.minimal("[box]\nname = \"renamed\"\n[queue]\nmax_attempts = 7\n"))
        let applied = Applied()
        let reloader = Self.reloader(startup: startup, file: file, applied: applied)
        let report = await reloader.reload()
        #expect(report == ReloadReport(daemon: "queued", file: "gateway.toml", accepted: true,
                                       applied: ["queue"], needsRestart: ["box"], problems: []))
        #expect(applied.calls.withLock { $0 } == [[.queue]])
        #expect(await reloader.current.queue.maxAttempts == 7)
        // The same file again: nothing more to apply; the box name still waits for a restart.
        let again = await reloader.reload()
        #expect(again.applied.isEmpty && again.needsRestart == ["box"])
        #expect(applied.calls.withLock { $0 }.count == 1)
    }

    /// Ten reloads asked at once, the file changing between them: each applies after the one
    /// before, so the last file read is what the daemon follows.
    @Test func concurrentReloadsRunOneAtATime() async throws {
        let startup = try ConfigurationReloadTests.configuration()
        let file = FileText(ConfigurationFixtures.minimal())
        let applied = Applied()
        let reloader = Self.reloader(startup: startup, file: file, applied: applied)
        await withTaskGroup(of: ReloadReport.self) { group in
            for attempts in 2...11 {
                file.text.withLock { $0 = ConfigurationFixtures.minimal("[queue]\nmax_attempts = \(attempts)\n") }
                group.addTask { await reloader.reload() }
            }
            for await report in group { #expect(report.accepted) }
        }
        file.text.withLock { $0 = ConfigurationFixtures.minimal("[queue]\nmax_attempts = 12\n") }
        let last = await reloader.reload()
        #expect(last.applied == ["queue"])
        #expect(await reloader.current.queue.maxAttempts == 12)
    }
}
