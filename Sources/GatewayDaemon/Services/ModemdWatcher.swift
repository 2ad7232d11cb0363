import GatewayIPC
import Logging
import ServiceLifecycle

/// Follows smsgw-modemd for a daemon that acts on its modems (queued, simd): subscribes to its
/// events and hands each to `onEvent`; reads a full `status` on every (re)subscription — what
/// changed while nobody listened — and every `poll` as a safety net for a lost event, handing
/// it to `onStatus`. When modemd cannot be reached or its event stream ends, `onStatus(nil)`:
/// no modem is known to be ready until modemd is back. Resubscribes after a second.
public struct ModemdWatcher: Service {
    private let link: PeerLink<ModemdProtocol>
    private let poll: Duration
    private let logger: Logger
    private let onStatus: @Sendable ([ModemdModemStatus]?) async -> Void
    private let onSubscribed: @Sendable () async -> Void
    private let onEvent: @Sendable (ModemdProtocol.Event) async -> Void

    /// `onSubscribed` runs after each (re)subscription's status read.
    public init(link: PeerLink<ModemdProtocol>, poll: Duration, logger: Logger,
                onStatus: @escaping @Sendable ([ModemdModemStatus]?) async -> Void,
                onSubscribed: @escaping @Sendable () async -> Void = {},
                onEvent: @escaping @Sendable (ModemdProtocol.Event) async -> Void) {
        self.link = link
        self.poll = poll
        self.logger = logger
        self.onStatus = onStatus
        self.onSubscribed = onSubscribed
        self.onEvent = onEvent
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await followEvents() }
            group.addTask { await repeatUntilShutdown(every: poll) { await readStatus() } }
        }
    }

    private func readStatus() async {
        switch await link.call(.status, timeout: .seconds(5)) {
        case .success(.status(let modems)): await onStatus(modems)
        case .success: break
        case .failure: await onStatus(nil)
        }
    }

    private func followEvents() async {
        while !shutdownHasBegun {
            do {
                let client = try await link.connection(patience: .seconds(1))
                try await client.subscribe(timeout: .seconds(5))
                await readStatus()
                await onSubscribed()
                await cancelWhenGracefulShutdown {
                    for await event in client.events { await onEvent(event) }
                }
                await link.drop(client)
                await onStatus(nil)  // modemd is gone: no modem is ready until it is back
            } catch {
                logger.debug("modemd events: \(error)")
            }
            await sleepUnlessShuttingDown(for: .seconds(1))
        }
    }
}
