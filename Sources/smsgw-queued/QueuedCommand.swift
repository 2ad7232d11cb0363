import ArgumentParser
import GatewayCore
import GatewayDaemon
import GatewayIPC
import Logging
import QueueCore
import ServiceLifecycle
import SystemBridge

#if canImport(Glibc)
import Glibc
#endif

/// `smsgw-queued`: the local queue (docs/queued.md). Its story: load the configuration, open
/// the store and the box's time zone, mark attempts left in flight by a previous run `unknown`, bind the control and
/// wake-up sockets, follow modemd, notify READY, run the work loop until SIGTERM (then the
/// sends in flight get `--stop-grace` to end; any still running is cut and recorded `unknown`).
public struct QueuedCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "smsgw-queued",
        abstract: "Pick, route, send, retry and expire messages; correlate status reports.")

    public init() {}

    @OptionGroup var options: DaemonOptions

    @Option(name: .long, help: "Seconds sends in flight get to end after SIGTERM; one still running then is cut and recorded unknown. Keep it below the unit's TimeoutStopSec.")
    var stopGrace: Int = 10

    public func validate() throws {
        guard stopGrace > 0 else { throw ValidationError("--stop-grace must be positive") }
    }

    public func run() async throws {
        let logger = options.bootstrapLogging(label: "smsgw.queued")
        let configuration = try options.loadConfiguration()
        let zone: ZoneRules
        do { zone = try ZoneFile.rules(named: configuration.box.timeZone) } catch {
            throw ValidationError("box.time_zone \"\(configuration.box.timeZone)\": \(error)")
        }
        let decisions = QueueDecisions(configuration: configuration, zone: zone)

        // The box's clocks, handed to everything below that reads the time or waits.
        let clock = SystemClock()
        let store = try QueueStore(path: configuration.store.path, now: clock.now())
        let recovered = try await store.markInFlightUnknown(now: clock.now())
        if !recovered.isEmpty { logger.warning("\(recovered.count) attempt(s) in flight at the last stop marked unknown") }

        let runtime = configuration.runtime.directory
        let metrics = QueueMetrics()
        let link = ModemdLink(path: "\(runtime)/modemd.sock", name: "modemd", logger: logger)
        var timings = QueuedTimings()
        timings.stopGrace = .seconds(stopGrace)
        let statusLine = StatusLine()
        let dispatcher = Dispatcher(configuration: configuration, decisions: decisions, timings: timings, store: store,
                                    link: link, clock: clock, metrics: metrics, logger: logger,
                                    heartbeat: DaemonHeartbeat.make(logger: logger), statusLine: statusLine)
        // [queue], routes, SIM groups and limits are live (swapped between two turns of the loop);
        // adding or moving a SIM, and everything else, needs a restart.
        let reloader = ConfigurationReloader(daemon: "queued", file: options.config, startup: configuration,
                                             policy: .queued, logger: logger,
                                             apply: { running, _ in await dispatcher.reconfigure(running) })
        let handler = ControlHandler(dispatcher: dispatcher, store: store, metrics: metrics, reloader: reloader)
        let server = try await IPCServer<QueuedProtocol>.bind(path: "\(runtime)/queued.sock", logger: logger) { request in
            try await handler.handle(request)
        }
        let wakeups = try await WakeupReceiver.bind(path: "\(runtime)/queued.wake")
        let reload = await ReloadService(reloader: reloader)
        var services = ServiceGroupConfiguration(
            services: [
                .init(service: server),
                // Wake-ups from ingressd (one per durable accept batch) kick the work loop.
                .init(service: WakeupForwarder(receiver: wakeups) { dispatcher.kick() }),
                .init(service: ModemdWatcher.following(link, for: dispatcher, poll: timings.modemPoll, logger: logger)),
                // The slow tick: a safety net for lost wake-ups and the clock for pacing gaps,
                // retries due and the sweep (which the loop runs at its own, slower interval).
                .init(service: Ticker(every: .milliseconds(500), clock: clock) { dispatcher.kick() }),
                .init(service: reload),
                .init(service: dispatcher),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // SIGTERM: no new send starts and those in flight get the grace to end and be recorded;
        // then the group is cancelled, which cuts the sends still waiting for modemd (recorded
        // `unknown`, Dispatcher+Outcomes.swift) and ends the process.
        services.maximumGracefulShutdownDuration = timings.stopGrace
        let group = ServiceGroup(configuration: services)
        logger.notice("queued ready: control socket \(server.path), wake-ups \(wakeups.path)")
        ServiceNotifier().ready(status: await dispatcher.statusText)
        statusLine.update(await dispatcher.statusText)
        try await group.run()
    }
}
