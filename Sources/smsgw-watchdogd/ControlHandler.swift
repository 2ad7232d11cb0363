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
            let daemon = DaemonHealth.workLoop("watch loop", lastTurnAge: MonotonicClock.milliseconds() - (await loop.lastTurn),
                                               stallAfter: stallAfter, progress: await loop.turns, pid: getpid())
            return .health(WatchdogdHealth(daemon: daemon, hardwareFeeding: await loop.hardwareFeeding))
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
