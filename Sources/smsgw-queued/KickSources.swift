import GatewayDaemon
import GatewayIPC
import Logging
import ServiceLifecycle
import SystemBridge

/// Wake-up datagrams from ingress (one per durable accept batch; docs/ipc.md "Wake-ups")
/// become kicks of the work loop.
struct WakeupForwarder: Service {
    let receiver: WakeupReceiver
    let dispatcher: Dispatcher

    func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in receiver.wakes { dispatcher.kick() }
        } onGracefulShutdown: {
            Task { await receiver.close() }
        }
    }
}

/// The slow tick: a safety net for lost wake-ups and the clock for pacing gaps, retries due
/// and the sweep (which the loop runs at its own, slower interval).
struct Ticker: Service {
    let dispatcher: Dispatcher
    let interval: Duration

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            dispatcher.kick()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
