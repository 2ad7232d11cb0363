import GatewayDaemon
import GatewayIPC
import GatewayStore
import Glibc

/// Answers `QueuedProtocol` requests on the control socket (docs/queued.md).
struct ControlHandler: Sendable {
    let dispatcher: Dispatcher
    let store: QueueStore
    let metrics: QueueMetrics
    let reloader: ConfigurationReloader

    func handle(_ request: QueuedProtocol.Request) async throws -> QueuedProtocol.Response {
        switch request {
        case .status:
            return .status(QueueStatus(
                depth: try await store.depth(), inFlight: await dispatcher.inFlight,
                readyModems: await dispatcher.modems.map(\.name),
                oldestWaitingMilliseconds: try await store.oldestWaitingMilliseconds(now: dispatcher.clock.now()),
                pausedModems: await dispatcher.pausedModems.sorted(), pausedSIMs: await dispatcher.pausedSIMs.sorted(),
                modemdConnected: await dispatcher.modemdConnected, counters: metrics.snapshot))
        case .wake:
            await dispatcher.kick(reports: true)
            return .woken
        case .pauseModem(let modem), .resumeModem(let modem):
            guard await dispatcher.configuration.modem(id: modem) != nil else {
                throw IPCError(.unknownModem, "no modem \"\(modem)\" in the configuration")
            }
            if case .pauseModem = request { await dispatcher.setPaused(modem: modem, true) } else {
                await dispatcher.setPaused(modem: modem, false)
            }
            return await paused()
        case .pauseSIM(let iccid):
            await dispatcher.setPaused(sim: iccid, true)
            return await paused()
        case .resumeSIM(let iccid):
            await dispatcher.setPaused(sim: iccid, false)
            return await paused()
        case .cancel(let messageID):
            do {
                return .cancelled(messageID: messageID, done: try await store.cancel(messageID, now: dispatcher.clock.now()))
            } catch let error as StoreError {
                throw IPCError(.unknownMessage, "\(error)")
            }
        case .health:
            let age = (dispatcher.clock.monotonic() - (await dispatcher.lastTurn)).milliseconds
            return .health(.workLoop("work loop", lastTurnAge: age, stallAfter: 5_000, progress: await dispatcher.progress,
                                     pid: getpid()))
        case .reload:
            return .reload(await reloader.reload())
        case .recover:
            return .recovered(try await dispatcher.recover())
        }
    }

    private func paused() async -> QueuedProtocol.Response {
        .paused(modems: await dispatcher.pausedModems.sorted(), sims: await dispatcher.pausedSIMs.sorted())
    }
}
