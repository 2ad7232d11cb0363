import ArgumentParser
import GatewayCore
import GatewayDaemon
import GatewayIPC
import Logging
import ModemProfiles
import ModemSession
import ServiceLifecycle
import SystemBridge

#if canImport(Glibc)
import Glibc
#endif

/// `smsgw-modemd`: the modem supervisor (docs/modemd.md). Its story: load the configuration,
/// open the store, make one runner per enabled modem, bind the control socket, notify READY,
/// run until SIGTERM.
public struct ModemdCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "smsgw-modemd",
        abstract: "Supervise the box's modems: init, health, sending, receiving, recovery, SIM switching.")

    public init() {}

    @OptionGroup var options: DaemonOptions

    @Option(name: .long, help: "The control socket (default: modemd.sock in the runtime directory).")
    var socket: String?

    @Option(name: .long, help: "Seconds before an inbound message still missing parts is abandoned (forwarded with what arrived); also the window in which a repeated part is dropped.")
    var reassemblyTimeout: Int = 3600

    public func validate() throws {
        guard reassemblyTimeout > 0 else { throw ValidationError("--reassembly-timeout must be positive") }
    }

    public func run() async throws {
        let logger = options.bootstrapLogging(label: "smsgw.modemd")
        let configuration = try options.loadConfiguration()
        let store = try StoreRecorder(path: configuration.store.path, reassemblyWindow: .seconds(reassemblyTimeout))
        let events = EventPublisher(ingress: IngressWake(runtimeDirectory: configuration.runtime.directory))
        let heartbeat = DaemonHeartbeat.make(logger: logger)
        let enabled = configuration.modems.filter(\.enabled)
        let readiness = ModemsReadyStatus(total: enabled.count)
        let runners = enabled.map { modem in
            ModemRunner(
                modem: modem,
                settings: SessionSettings(modem: modem, profile: .named(modem.profile), watchdog: configuration.watchdog),
                store: store, gpio: configuration.gpio, logger: logger, events: events,
                heartbeat: heartbeat, readiness: readiness)
        }
        // Modems, GPIO lines and the serial settings are opened once: every change needs a restart.
        let reloader = ConfigurationReloader(daemon: "modemd", file: options.config, startup: configuration, policy: .modemd, logger: logger)
        let handler = ControlHandler(runners: runners, reloader: reloader)
        let socketPath = socket ?? "\(configuration.runtime.directory)/modemd.sock"
        let server = try await IPCServer<ModemdProtocol>.bind(path: socketPath, logger: logger) { request in
            try await handler.handle(request)
        }
        events.attach(server)
        let sweeper = ReassemblySweeper(store: store, events: events, logger: logger)
        let reload = await ReloadService(reloader: reloader)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: runners.map { .init(service: $0) } + [.init(service: server), .init(service: sweeper), .init(service: reload)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.notice("modemd ready: \(runners.count) modem(s), control socket \(socketPath)")
        ServiceNotifier().ready(status: readiness.text)
        try await group.run()
    }
}

/// Abandons inbound messages whose missing parts do not come in time; each is announced like a
/// completed one (ingressd's outbox is woken), since it is forwarded upstream as it is (marked
/// incomplete).
struct ReassemblySweeper: Service {
    let store: StoreRecorder
    let events: EventPublisher
    let logger: Logger

    func run() async throws {
        await repeatUntilShutdown(every: .seconds(60)) {
            do {
                let abandoned = try await store.abandonIncomplete()
                if !abandoned.isEmpty {
                    logger.warning("\(abandoned.count) inbound message(s) abandoned with parts missing after \(store.reassemblyWindow)")
                }
                if !abandoned.isEmpty { events.inboundCompleted() }
            } catch {
                logger.error("reassembly sweep: \(error)")
            }
        }
    }
}
