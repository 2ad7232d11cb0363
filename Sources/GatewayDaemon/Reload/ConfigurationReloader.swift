import GatewayCore
import GatewayIPC
import Logging
import SystemBridge
import GatewayConfig

/// One daemon's reloading of its configuration file, whoever asks: SIGHUP (`ReloadService`,
/// `ExecReload=` in the units) or the `reload` request on its control socket (the web page,
/// `smsgwctl reload`). Reloads run one at a time, in the order asked, so two quick requests
/// never apply an older file over a newer one. An invalid file is logged, every problem on its
/// own line, and the last good configuration stays; a good one has its changed live sections
/// handed to `apply` (the daemon's own code), and the sections needing a restart are named in
/// a warning. `sd_notify(3)` hears RELOADING=1 then READY=1 around each reload.
public actor ConfigurationReloader {
    public typealias Apply = @Sendable (GatewayConfiguration, [ConfigurationSection]) async -> Void
    public typealias Load = @Sendable (String) -> Result<GatewayConfiguration, ConfigurationProblems>

    private let daemon: String
    private let file: String
    private let logger: Logger
    private let apply: Apply
    private let load: Load
    private var state: ConfigurationReload
    /// The reload running or last run; the next one waits for it.
    private var previous: Task<ReloadReport, Never>?

    /// `policy`: the sections this daemon reads and those it applies without a restart (`apply`
    /// gets the configuration it now runs with and the sections that changed). `load` reads and
    /// validates the file (tests give their own).
    public init(daemon: String, file: String, startup: GatewayConfiguration, policy: ReloadPolicy,
                logger: Logger, apply: @escaping Apply = { _, _ in },
                load: @escaping Load = ConfigurationReloader.loadFile) {
        self.daemon = daemon
        self.file = file
        self.logger = logger
        self.apply = apply
        self.load = load
        state = ConfigurationReload(startup: startup, policy: policy)
    }

    /// The shared loader and validator (docs/configuration.md).
    @Sendable public static func loadFile(_ file: String) -> Result<GatewayConfiguration, ConfigurationProblems> {
        do throws(ConfigurationProblems) { return .success(try ConfigurationLoader.load(file: file)) } catch { return .failure(error) }
    }

    /// The configuration the daemon follows now: its start-up file with the live sections
    /// applied since.
    public var current: GatewayConfiguration { state.running }

    /// Reads the file again, applies what changed and can be taken live, and says what it did.
    public func reload() async -> ReloadReport {
        let before = previous
        let task = Task { [self] in
            _ = await before?.value
            return await run()
        }
        previous = task
        return await task.value
    }

    private func run() async -> ReloadReport {
        let notifier = ServiceNotifier()
        notifier.notify("RELOADING=1")
        defer { notifier.notify("READY=1") }
        switch state.take(load(file)) {
        case .refused(let problems):
            let lines = problems.problems.map { "\($0)" }
            for line in lines { logger.error("reload: \(line)") }
            logger.error("reload: \(file) refused (\(lines.count) problem(s)); keeping the last good configuration")
            return ReloadReport(daemon: daemon, file: file, accepted: false, applied: [], needsRestart: [], problems: lines)
        case .accepted(let configuration, let sections, let restart):
            if !sections.isEmpty { await apply(configuration, sections) }
            let applied = sections.isEmpty ? "nothing to apply live" : "applied " + sections.map(\.rawValue).joined(separator: ", ")
            logger.notice("reload: \(file) is valid; \(applied)")
            if !restart.isEmpty {
                logger.warning("reload: changes to \(restart.map(\.rawValue).joined(separator: ", ")) take effect after a restart")
            }
            return ReloadReport(daemon: daemon, file: file, accepted: true, applied: sections.map(\.rawValue),
                                needsRestart: restart.map(\.rawValue), problems: [])
        }
    }
}
