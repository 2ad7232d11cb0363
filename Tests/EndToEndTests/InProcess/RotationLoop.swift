import GatewayCore
import GatewayDaemon
import GatewayIPC
import GatewayStore
import GatewayTestSupport
@testable import QueuedDaemon
@testable import SimdDaemon
import SystemBridge
import Testing

/// simd's rotation loop (`Rotator`) in process: its real store actor on a scratch SQLite file,
/// a manual clock, the fake modemd (whose switches it hears of, as modemd's events) and the
/// fake queued. Tests turn it by hand — `turn()` runs one turn and every switch or balance
/// check it started to its end. What the SIMs sent is charged through queued's own store
/// actor, as queued charges it when it begins an attempt.
final class RotationLoop: Sendable {
    let scratch: LoopScratch
    let clock: ManualClock
    let configuration: GatewayConfiguration
    let calendar: LocalCalendar
    let modemd: FakeModemd
    let queued = FakeQueued()
    let store: SimdStore
    let queueStore: QueueStore
    let rotator: Rotator
    let log = LogCapture()

    init(start: Timestamp, modems: Int = 1, slots: Int = 2, zone: String = "UTC", simKeys: String = "",
         group: String = "", timings: SimdTimings = SimdTimings()) async throws {
        scratch = try LoopScratch()
        clock = ManualClock(start: start)
        configuration = try scratch.configuration(modems: modems, slots: slots, zone: zone, simKeys: simKeys, group: group)
        calendar = LocalCalendar(zone: try ZoneFile.rules(named: zone))
        modemd = try FakeModemd(modems: modems, slots: slots, database: scratch.database(now: start), now: start)
        store = try SimdStore(path: scratch.databasePath, calendar: calendar, now: start)
        queueStore = try QueueStore(path: scratch.databasePath, now: start)
        let rotator = Rotator(configuration: configuration, calendar: calendar, store: store, queued: queued, modemd: modemd,
                              timings: timings, clock: clock, logger: log.logger, heartbeat: WorkLoopHeartbeat(watchdog: nil, pet: {}),
                              statusLine: StatusLine(send: { _ in }))
        self.rotator = rotator
        await modemd.observe { status in await rotator.modemsSeen([status]) }
        await rotator.modemsSeen(await modemd.statuses)
    }

    /// One turn, and every switch and balance check it started run to its end.
    @discardableResult
    func turn() async -> [ModemJob] {
        let jobs = await rotator.turn()
        for job in jobs {
            switch job {
            case .switchSIM(let plan): await rotator.perform(plan)
            case .balance(let plan): await rotator.performBalanceCheck(plan)
            }
        }
        return jobs
    }

    /// `count` messages sent through SIM `sim` now (on its modem): attempts begun and charged to
    /// the SIM's local hour/day/month windows by queued's store, as queued does. Their ids.
    @discardableResult
    func charge(_ sim: String, _ count: Int) async throws -> [Int64] {
        let now = clock.now()
        let configured = try #require(configuration.sims.first { $0.id == sim })
        let database = try scratch.database(now: now)
        let modemID = try #require(try database.modemID(named: configured.modem))
        let simID = try #require(try database.simID(iccid: FakeModemd.iccid(modem: Int(configured.modem.dropFirst()) ?? 0,
                                                                             slot: configured.slot)))
        let first = try scratch.count("SELECT count(*) FROM messages", now: now)
        let ids = try scratch.accept(LoopScratch.destinations(count, from: first).map {
            LoopScratch.message(to: $0, expiresAt: now + .seconds(7 * 86_400))
        }, now: now)
        let begun = try await queueStore.recordAndBegin([], begin: ids.map { ($0, modemID, simID) }, at: now,
                                                        charging: QueueStore.windows(containing: now, calendar: calendar))
        return try begun.map { try $0.get() }
    }

    func record(_ sim: String) async throws -> SimStateRecord? { try await store.states()[sim] }

    func events(_ sim: String) throws -> [SimEventRecord] { try scratch.database(now: clock.now()).simEvents(sim) }

    /// The SIMs as simd's `status` shows them now.
    func status() async throws -> [SimdSIMStatus] { try await rotator.status(now: clock.now()).sims }
}
