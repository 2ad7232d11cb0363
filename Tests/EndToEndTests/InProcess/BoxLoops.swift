import GatewayCore
import GatewayDaemon
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Logging
@testable import QueuedDaemon
import ServiceLifecycle
@testable import SimdDaemon
import SystemBridge

/// queued's work loop and simd's rotation loop running together in process, as the daemons
/// run them — each a `Service` with its `Ticker`, in one service group — on one manual clock,
/// over one scratch SQLite file, with the fake modemd in place of modemd (both loops hear of
/// its modem changes, as its event subscribers do). simd asks queued through queued's own
/// control handler. `drive` moves the box's time on while the loops work.
final class BoxLoops: Sendable {
    let scratch: LoopScratch
    let clock: ManualClock
    let configuration: GatewayConfiguration
    let calendar: LocalCalendar
    let modemd: FakeModemd
    let dispatcher: Dispatcher
    let rotator: Rotator
    let log = LogCapture()
    private let services: ServiceGroup

    init(start: Timestamp, modems: Int, slots: Int, zone: String, simKeys: String) async throws {
        scratch = try LoopScratch()
        clock = ManualClock(start: start)
        configuration = try scratch.configuration(modems: modems, slots: slots, zone: zone, simKeys: simKeys,
                                                  queue: #"sweep_interval = "1s""#)
        let zoneRules = try ZoneFile.rules(named: zone)
        calendar = LocalCalendar(zone: zoneRules)
        modemd = try FakeModemd(modems: modems, slots: slots, database: scratch.database(now: start), now: start)
        let logger = log.logger
        let queueStore = try QueueStore(path: scratch.databasePath, now: start)
        let metrics = QueueMetrics()
        let dispatcher = Dispatcher(
            configuration: configuration, decisions: QueueDecisions(configuration: configuration, zone: zoneRules),
            timings: QueuedTimings(), store: queueStore, link: modemd, clock: clock, metrics: metrics, logger: logger,
            heartbeat: WorkLoopHeartbeat(watchdog: nil, pet: {}), statusLine: StatusLine(send: { _ in }))
        let reloader = ConfigurationReloader(daemon: "queued", file: "\(scratch.path)/gateway.toml", startup: configuration,
                                             policy: .queued, logger: logger)
        let queued = QueuedControl(handler: QueuedDaemon.ControlHandler(dispatcher: dispatcher, store: queueStore, metrics: metrics,
                                                                         reloader: reloader))
        let rotator = Rotator(configuration: configuration, calendar: calendar,
                              store: try SimdStore(path: scratch.databasePath, calendar: calendar, now: start),
                              queued: queued, modemd: modemd, timings: SimdTimings(), clock: clock, logger: logger,
                              heartbeat: WorkLoopHeartbeat(watchdog: nil, pet: {}), statusLine: StatusLine(send: { _ in }))
        self.dispatcher = dispatcher
        self.rotator = rotator
        await modemd.observe { status in
            await dispatcher.modemChanged(status)
            await rotator.modemsSeen([status])
        }
        let statuses = await modemd.statuses
        await dispatcher.modemsSeen(statuses)
        await rotator.modemsSeen(statuses)
        // queued's 0.5 s tick and simd's 1 s tick, as their mains set them up, on the manual clock.
        services = ServiceGroup(configuration: ServiceGroupConfiguration(services: [
            .init(service: Ticker(every: .milliseconds(500), clock: clock) { dispatcher.kick() }),
            .init(service: Ticker(every: SimdTimings().tick, clock: clock) { rotator.kick() }),
            .init(service: rotator),
            .init(service: dispatcher),
        ], logger: logger))
    }

    /// Runs `body` with the loops running, then stops them as SIGTERM would.
    func running(_ body: () async throws -> Void) async throws {
        let services = services
        let group = Task { try await services.run() }
        do { try await body() } catch {
            await services.triggerGracefulShutdown()
            throw error
        }
        await services.triggerGracefulShutdown()
        try await group.value
    }

    /// Moves the box's time on a second at a time until `done` holds, each step once both loops
    /// have begun a turn at the new time (their ticks fire on it; the step kicks them as well,
    /// so it never waits on a tick that was not parked yet); throws when `done` does not hold
    /// within `limit` of the box's time.
    func drive(until what: String, within limit: Duration, _ done: () async throws -> Bool) async throws {
        let end = clock.monotonic() + limit
        while try await !done() {
            guard clock.monotonic() < end else { throw LoopTestFailure("\(what): not within \(limit) of the box's time") }
            let queueTurns = await dispatcher.progress, rotationTurns = await rotator.progress
            clock.advance(by: .seconds(1))
            dispatcher.kick()
            rotator.kick()
            try await waitUntil("both loops turning after the clock moved") {
                let queue = await dispatcher.progress, rotation = await rotator.progress
                return queue > queueTurns && rotation > rotationTurns
            }
        }
    }

    func count(_ sql: String) throws -> Int { try scratch.count(sql, now: clock.now()) }

    /// Sent per configured SIM in the local day window starting at `dayStart`: queued's counters.
    func sent(inDayStarting dayStart: Timestamp) throws -> [String: Int] {
        let rows = try scratch.database(now: clock.now()).connection.query("""
            SELECT st.sim, coalesce(sum(c.sent), 0) FROM sim_states st
            LEFT JOIN sim_counters c ON c.sim_id = st.sim_id AND c.period = 'day' AND c.period_start = ?
            GROUP BY st.sim ORDER BY st.sim
            """, dayStart.millisecondsSince1970) { ($0.text(0), $0.int(1)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}

/// queued as simd reaches it, in process: queued's own control handler answers each request.
struct QueuedControl: IPCPeer {
    typealias P = QueuedProtocol
    let handler: QueuedDaemon.ControlHandler

    var isConnected: Bool { true }

    func call(_ request: QueuedProtocol.Request, timeout: Duration) async -> Result<QueuedProtocol.Response, IPCError> {
        do { return .success(try await handler.handle(request)) } catch let error as IPCError {
            return .failure(error)
        } catch {
            return .failure(IPCError(.handlerFailed, "\(error)"))
        }
    }
}
