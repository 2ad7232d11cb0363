import GatewayDaemon
import GatewayIPC
import Logging
import ServiceLifecycle
import SystemBridge

/// Follows modemd: `modemChanged` events update the rotator at once; a full `status` is read
/// on every (re)subscription and every `poll` as a safety net.
struct ModemdWatcher: Service {
    let link: PeerLink<ModemdProtocol>
    let rotator: Rotator
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
        case .success(.status(let modems)): await rotator.modemsSeen(modems)
        case .success: break
        case .failure: await rotator.modemsSeen(nil)
        }
    }

    private func followEvents() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let client = try await link.connection(patience: .seconds(1))
                try await client.subscribe(timeout: .seconds(5))
                await readStatus()
                await cancelWhenGracefulShutdown {
                    for await event in client.events {
                        if case .modemChanged(let status) = event { await rotator.modemsSeen([status]) }
                    }
                }
                await link.drop(client)
            } catch {
                logger.debug("modemd events: \(error)")
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        }
    }
}

/// The tick: the loop turns at least this often (cool-downs end, limits reset, stints age).
struct Ticker: Service {
    let rotator: Rotator
    let interval: Duration

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            rotator.kick()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
