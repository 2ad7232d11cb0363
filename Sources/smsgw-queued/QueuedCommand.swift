import ArgumentParser
import GatewayCore
import GatewayIPC
import Logging
import ServiceLifecycle
import SystemBridge

#if canImport(Glibc)
import Glibc
#endif

/// `smsgw-queued`: the local queue (docs/queued.md). Its story: load the configuration, open
/// the store, mark attempts left in flight by a previous run `unknown`, bind the control and
/// wake-up sockets, follow modemd, notify READY, run the work loop until SIGTERM.
@main
struct QueuedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsgw-queued",
        abstract: "Pick, route, send, retry and expire messages; correlate status reports.")

    @Option(name: .long, help: "The gateway configuration file.")
    var config: String = "/etc/smsgw/gateway.toml"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
    var logLevel: String = "info"

    @Option(name: .long, help: "Seconds between safety-net sweeps (held, expiry, reports).")
    var sweepInterval: Int = 5

    @Option(name: .long, help: "Seconds before the first retry after a temporary failure (doubles each time).")
    var retryBackoff: Int = 30

    @Flag(name: .long, help: "Send again a message whose outcome is unknown (may duplicate it).")
    var resendUnknown = false

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \"\(logLevel)\"") }
        guard sweepInterval > 0 else { throw ValidationError("--sweep-interval must be positive") }
        guard retryBackoff >= 0 else { throw ValidationError("--retry-backoff must not be negative") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "smsgw.queued")
        let configuration: GatewayConfiguration
        do { configuration = try ConfigurationLoader.load(file: config) } catch {
            throw ValidationError(error.description)
        }
        var settings = QueueSettings()
        settings.sweepInterval = .seconds(sweepInterval)
        settings.retryBackoff = .seconds(retryBackoff)
        settings.resendUnknown = resendUnknown

        let store = try QueueStore(path: configuration.store.path)
        let recovered = try await store.markInFlightUnknown()
        if !recovered.isEmpty { logger.warning("\(recovered.count) attempt(s) in flight at the last stop marked unknown") }

        let runtime = configuration.runtime.directory
        let metrics = QueueMetrics()
        let link = ModemdLink(path: "\(runtime)/modemd.sock", logger: logger)
        let dispatcher = Dispatcher(configuration: configuration, settings: settings, store: store, link: link,
                                    metrics: metrics, logger: logger)
        let handler = ControlHandler(dispatcher: dispatcher, store: store, metrics: metrics)
        let server = try await IPCServer<QueuedProtocol>.bind(path: "\(runtime)/queued.sock", logger: logger) { request in
            try await handler.handle(request)
        }
        let wakeups = try await WakeupReceiver.bind(path: "\(runtime)/queued.wake")
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [
                .init(service: server), .init(service: WakeupForwarder(receiver: wakeups, dispatcher: dispatcher)),
                .init(service: ModemdWatcher(link: link, dispatcher: dispatcher, logger: logger)),
                .init(service: Ticker(dispatcher: dispatcher, interval: .milliseconds(500))),
                .init(service: WatchdogPetter(dispatcher: dispatcher, logger: logger)),
                .init(service: dispatcher),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.notice("queued ready: control socket \(server.path), wake-ups \(wakeups.path)")
        ServiceNotifier().ready(status: "queue running")
        try await group.run()
    }
}
