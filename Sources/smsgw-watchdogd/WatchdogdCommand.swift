import ArgumentParser
import GatewayCore
import GatewayDaemon
import GatewayIPC
import Logging
import ServiceLifecycle
import SystemBridge
import WatchdogPolicy

/// `smsgw-watchdogd`: end-to-end health of the box (docs/watchdogd.md). Its story: load the
/// configuration, open the store, open the hardware watchdog (or say there is none), bind the
/// control socket, notify READY, run the watch loop until SIGTERM, then close the hardware
/// watchdog cleanly (magic close) unless the box was let reboot.
public struct WatchdogdCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "smsgw-watchdogd",
        abstract: "Watch every daemon's health and progress, the store, disk and memory; escalate; feed the hardware watchdog.")

    public init() {}

    @OptionGroup var options: DaemonOptions

    public func run() async throws {
        let logger = options.bootstrapLogging(label: "smsgw.watchdogd")
        let configuration = try options.loadConfiguration()
        let watchdog = configuration.watchdog
        let runtime = configuration.runtime.directory
        let store = try WatchStore(path: configuration.store.path)
        let integrityStore = try WatchStore(path: configuration.store.path)
        let feeder = HardwareFeeder(settings: watchdog.hardwareEnabled, path: watchdog.hardwareDevice,
                                    timeout: watchdog.hardwareTimeout, interval: watchdog.hardwarePingInterval, logger: logger)
        let timeout = min(max(watchdog.healthInterval / 2, .seconds(1)), .seconds(5))
        let probes = HealthProbes(runtime: runtime, timeout: timeout, waitingWork: watchdog.healthInterval.milliseconds)
        let loop = WatchLoop(probes: probes, escalator: Escalator(probes: probes, feeder: feeder, store: store, logger: logger),
                             store: store, feeder: feeder, settings: watchdog.policy, thresholds: watchdog.thresholds,
                             interval: watchdog.healthInterval, storePath: configuration.store.path, logger: logger)
        // The thresholds are live (taken at the next turn); the hardware watchdog and the intervals
        // that size the probes are set up at start and need a restart.
        let reloader = ConfigurationReloader(daemon: "watchdogd", file: options.config, startup: configuration,
                                             policy: .watchdogd,
                                             logger: logger, apply: { running, _ in await loop.reconfigure(running.watchdog) })
        let reload = await ReloadService(reloader: reloader)
        let handler = ControlHandler(loop: loop, store: store, reloader: reloader,
                                     stallAfter: (watchdog.healthInterval + timeout * 4).milliseconds + 5_000)
        let server = try await IPCServer<WatchdogdProtocol>.bind(path: "\(runtime)/watchdogd.sock", logger: logger) { request in
            try await handler.handle(request)
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [
                .init(service: server),
                .init(service: IntegrityChecker(store: integrityStore, loop: loop, interval: watchdog.integrityCheckInterval)),
                .init(service: reload),
                .init(service: loop),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.notice("watchdogd ready: control socket \(server.path), every \(watchdog.healthInterval)")
        ServiceNotifier().ready(status: "watching")
        try await group.run()
    }
}
