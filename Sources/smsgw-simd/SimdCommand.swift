import ArgumentParser
import GatewayCore
import GatewayDaemon
import GatewayIPC
import Logging
import QueueCore
import ServiceLifecycle
import SystemBridge

/// `smsgw-simd`: the SIM rotation daemon (docs/simd.md). Its story: load the configuration and
/// the box's time zone, open the store, bind the control socket, follow modemd, notify READY,
/// run the rotation loop (which first resumes every modem a previous run left paused) until
/// SIGTERM.
public struct SimdCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "smsgw-simd",
        abstract: "Rotate SIMs: per-SIM limits, cool-downs, schedules, block detection, manual locks.")

    public init() {}

    @OptionGroup var options: DaemonOptions

    @Option(name: .long, help: "Milliseconds between the rotation loop's turns when nothing wakes it sooner (modemd's events and control requests do). Lower reacts sooner to block evidence and full SIMs, for a little more CPU.")
    var tickMilliseconds: Int = 1000

    public func validate() throws {
        guard (50...60_000).contains(tickMilliseconds) else { throw ValidationError("--tick-milliseconds must be 50 to 60000") }
    }

    public func run() async throws {
        let logger = options.bootstrapLogging(label: "smsgw.simd")
        let configuration = try options.loadConfiguration()
        let zone: ZoneRules
        do { zone = try ZoneFile.rules(named: configuration.box.timeZone) } catch {
            throw ValidationError("box.time_zone \"\(configuration.box.timeZone)\": \(error)")
        }
        let calendar = LocalCalendar(zone: zone)
        // The box's clocks, handed to everything below that reads the time or waits.
        let clock = SystemClock()
        let store = try SimdStore(path: configuration.store.path, calendar: calendar, now: clock.now())

        let runtime = configuration.runtime.directory
        var timings = SimdTimings()
        timings.tick = .milliseconds(tickMilliseconds)
        let queued = PeerLink<QueuedProtocol>(path: "\(runtime)/queued.sock", name: "queued", logger: logger)
        let modemd = PeerLink<ModemdProtocol>(path: "\(runtime)/modemd.sock", name: "modemd", logger: logger)
        let statusLine = StatusLine()
        let rotator = Rotator(configuration: configuration, calendar: calendar, store: store, queued: queued, modemd: modemd,
                              timings: timings, clock: clock, logger: logger, heartbeat: DaemonHeartbeat.make(logger: logger),
                              statusLine: statusLine)
        // Limits, schedules and rotation policies of the SIMs that exist are live (taken at the next
        // turn); adding, removing or moving a SIM, and modems, need a restart.
        let reloader = ConfigurationReloader(daemon: "simd", file: options.config, startup: configuration,
                                             policy: .simd, logger: logger,
                                             apply: { running, _ in await rotator.reconfigure(running) })
        let handler = ControlHandler(rotator: rotator, store: store, configuration: configuration, reloader: reloader)
        let server = try await IPCServer<SimdProtocol>.bind(path: "\(runtime)/simd.sock", logger: logger) { request in
            try await handler.handle(request)
        }
        let reload = await ReloadService(reloader: reloader)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [
                .init(service: server),
                // modemChanged events update the rotator at once; a full status every 5 s.
                .init(service: ModemdWatcher(link: modemd, poll: .seconds(5), logger: logger,
                                             onStatus: { await rotator.modemsSeen($0) },
                                             onEvent: { event in
                                                 if case .modemChanged(let status) = event { await rotator.modemsSeen([status]) }
                                             })),
                // The loop turns at least this often (cool-downs end, limits reset, stints age).
                .init(service: Ticker(every: timings.tick, clock: clock) { rotator.kick() }),
                .init(service: reload),
                .init(service: rotator),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.notice("simd ready: control socket \(server.path)")
        let status = await rotator.statusText
        ServiceNotifier().ready(status: status)
        statusLine.update(status)
        try await group.run()
    }
}
