import GatewayDaemon
#if canImport(Glibc)
import Glibc
#endif
import GatewayIPC
import GatewayStore
import SystemBridge

/// Answers `WatchdogdProtocol` on `<runtime>/watchdogd.sock`: its own health and the snapshot.
struct ControlHandler: Sendable {
    let loop: WatchLoop
    let store: WatchStore
    let reloader: ConfigurationReloader
    /// The loop is stalled when it has not turned for this long (a turn waits for every probe).
    let stallAfter: Int64

    func handle(_ request: WatchdogdProtocol.Request) async throws -> WatchdogdProtocol.Response {
        switch request {
        case .health:
            let age = MonotonicClock.milliseconds() - (await loop.lastTurn)
            let healthy = age < stallAfter
            return .health(WatchdogdHealth(
                healthy: healthy, progress: await loop.turns, hardwareFeeding: await loop.hardwareFeeding,
                detail: healthy ? "watch loop turned \(age) ms ago" : "watch loop stalled for \(age) ms", pid: getpid()))
        case .reload:
            return .reload(await reloader.reload())
        case .snapshot:
            let snapshot = try await store.snapshot()
            let records = (snapshot.box.map { [$0] } ?? []) + snapshot.daemons + snapshot.modems
            return .snapshot(WatchdogSnapshot(subjects: records.map(WatchdogSubject.init)))
        }
    }
}

extension WatchdogSubject {
    init(_ record: HealthRecord) {
        self.init(subject: record.subject, state: record.state, detail: record.detail, pid: record.pid,
                  restartsLastHour: record.restartsLastHour, lastEscalation: record.lastEscalation,
                  lastEscalationAt: record.lastEscalationAt?.millisecondsSince1970, diskFreeBytes: record.diskFreeBytes,
                  memoryAvailableBytes: record.memoryAvailableBytes, checkedAt: record.checkedAt.millisecondsSince1970)
    }
}
