import GatewayIPC
import Logging
import ServiceLifecycle

/// The connection to smsgw-modemd's control socket (docs/modemd.md): sends, its status, and
/// its events (a modem changed, a status report stored); `PeerLink` reconnects when it closes.
typealias ModemdLink = PeerLink<ModemdProtocol>

/// Follows modemd: its events — a modem changed (`modemChanged`), a status report stored —
/// update and wake the dispatcher; a full `status` is read on every (re)subscription and then
/// every `poll` (a safety net for a lost event, not the way changes arrive).
struct ModemdWatcher: Service {
    let link: ModemdLink
    let dispatcher: Dispatcher
    let poll: Duration
    let logger: Logger

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await followEvents() }
            group.addTask { await pollStatus() }
        }
    }

    private func pollStatus() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await readStatus()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: poll) }
        }
    }

    private func readStatus() async {
        switch await link.call(.status, timeout: .seconds(5)) {
        case .success(.status(let modems)): await dispatcher.modemsSeen(modems)
        case .success: break
        case .failure: await dispatcher.modemsSeen(nil)
        }
    }

    private func followEvents() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let client = try await link.connection(patience: .seconds(1))
                try await client.subscribe(timeout: .seconds(5))
                await readStatus()  // what changed while nobody listened
                await dispatcher.kick(reports: true)
                await cancelWhenGracefulShutdown {
                    for await event in client.events {
                        switch event {
                        case .statusReportStored: await dispatcher.kick(reports: true)
                        case .modemChanged(let status): await dispatcher.modemChanged(status)
                        }
                    }
                }
                await link.drop(client)
                await dispatcher.modemsSeen(nil)  // modemd is gone: no modem is ready until it is back
            } catch {
                logger.debug("modemd events: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
    }
}
