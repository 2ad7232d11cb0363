import GatewayCore
import Logging
import ServiceLifecycle
import SystemBridge
import UnixSignals

/// SIGHUP: reload the configuration file (`ExecReload=kill -HUP $MAINPID` in the units). An
/// invalid file is logged, every problem on its own line, and the last good configuration
/// stays; a good one has its live sections handed to `apply` (the daemon's own code) and the
/// sections that need a restart are named in a warning. `sd_notify(3)` hears RELOADING=1
/// then READY=1 around each reload.
public struct ReloadService: Service {
    public typealias Apply = @Sendable (GatewayConfiguration, [ConfigurationSection]) async -> Void

    private let file: String
    private let startup: GatewayConfiguration
    private let live: Set<ConfigurationSection>
    private let logger: Logger
    private let apply: Apply
    private let signals: UnixSignalsSequence

    /// Traps SIGHUP from here on (call it before READY=1, so a reload sent right after READY
    /// never meets the default action, which would end the daemon).
    public init(file: String, startup: GatewayConfiguration, live: Set<ConfigurationSection>, logger: Logger,
                apply: @escaping Apply = { _, _ in }) async {
        signals = await UnixSignalsSequence(trapping: .sighup)
        self.file = file
        self.startup = startup
        self.live = live
        self.logger = logger
        self.apply = apply
    }

    public func run() async throws {
        var reload = ConfigurationReload(startup: startup, live: live)
        for await _ in signals.cancelOnGracefulShutdown() {
            let notifier = ServiceNotifier()
            notifier.notify("RELOADING=1")
            let loaded: Result<GatewayConfiguration, ConfigurationProblems>
            do { loaded = .success(try ConfigurationLoader.load(file: file)) } catch { loaded = .failure(error) }
            await handle(reload.take(loaded))
            notifier.notify("READY=1")
        }
    }

    private func handle(_ outcome: ConfigurationReload.Outcome) async {
        switch outcome {
        case .refused(let problems):
            for problem in problems.problems { logger.error("reload: \(problem)") }
            logger.error("reload: \(file) refused (\(problems.problems.count) problem(s)); keeping the last good configuration")
        case .accepted(let configuration, let sections, let restart):
            if !sections.isEmpty { await apply(configuration, sections) }
            let applied = sections.isEmpty ? "nothing to apply live" : "applied " + sections.map(\.rawValue).joined(separator: ", ")
            logger.notice("reload: \(file) is valid; \(applied)")
            if !restart.isEmpty {
                logger.warning("reload: changes to \(restart.map(\.rawValue).joined(separator: ", ")) take effect after a restart")
            }
        }
    }
}
