import GatewayCore
import GatewayDaemon
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Logging
@testable import QueuedDaemon
import SystemBridge

/// queued's work loop (`Dispatcher`) in process: its real store actor on a scratch SQLite file,
/// a manual clock, and the fake modemd in place of the socket. Tests turn it by hand —
/// `turn()` runs one turn and every send it started to its end — so what a turn did is
/// settled when it returns.
final class QueueLoop: Sendable {
    let scratch: LoopScratch
    let clock: ManualClock
    let configuration: GatewayConfiguration
    let modemd: FakeModemd
    let store: QueueStore
    let dispatcher: Dispatcher
    let log = LogCapture()

    init(start: Timestamp, modems: Int = 1, slots: Int = 1, zone: String = "UTC", simKeys: String = "",
         queue: String = "", group: String = "") async throws {
        scratch = try LoopScratch()
        clock = ManualClock(start: start)
        configuration = try scratch.configuration(modems: modems, slots: slots, zone: zone, simKeys: simKeys, queue: queue,
                                                  group: group)
        modemd = try FakeModemd(modems: modems, slots: slots, database: scratch.database(now: start), now: start)
        store = try QueueStore(path: scratch.databasePath, now: start)
        dispatcher = Dispatcher(
            configuration: configuration, decisions: QueueDecisions(configuration: configuration, zone: try ZoneFile.rules(named: zone)),
            timings: QueuedTimings(), store: store, link: modemd, clock: clock, metrics: QueueMetrics(), logger: log.logger,
            heartbeat: WorkLoopHeartbeat(watchdog: nil, pet: {}), statusLine: StatusLine(send: { _ in }))
        await dispatcher.modemsSeen(await modemd.statuses)
    }

    /// One turn, and every send it started run until modemd's answer is recorded (a `sent`
    /// answer is committed by the next turn, as in the daemon). The sends it started.
    @discardableResult
    func turn() async -> [Dispatcher.Job] {
        let jobs = await dispatcher.turn()
        for job in jobs { await dispatcher.perform(job) }
        return jobs
    }

    @discardableResult
    func accept(_ messages: [NewMessage]) throws -> [Int64] { try scratch.accept(messages, now: clock.now()) }

    func state(of message: Int64) throws -> String {
        try scratch.database(now: clock.now()).connection.queryFirst("SELECT state FROM messages WHERE id = ?", message) {
            $0.text(0)
        } ?? "none"
    }

    /// When each attempt of `message` began, in order.
    func attemptStarts(of message: Int64) throws -> [Timestamp] {
        try scratch.database(now: clock.now()).connection.query(
            "SELECT started_at FROM attempts WHERE message_id = ? ORDER BY id", message) { Timestamp(millisecondsSince1970: $0.int64(0)) }
    }

    /// A failed send as modemd answers it for `+CMS ERROR: <code>` of the given category.
    static func failure(cms code: Int, _ category: String) -> ModemdSendResult {
        ModemdSendResult(outcome: .failed, references: [], partIndex: 0, errorCategory: category, failureReason: .rejected,
                         error: "+CMS ERROR: \(code)")
    }
}
