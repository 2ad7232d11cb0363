import GatewayIPC
import ServiceLifecycle

/// `ingressd.wake` datagrams (queued sends one after it queues a DLR, modemd one after it
/// stores a complete inbound message; docs/ipc.md "Wake-ups") become pokes of the outbox
/// dispatcher.
struct IngressWakeForwarder: Service {
    let receiver: WakeupReceiver
    let dispatcher: OutboxDispatcher

    func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in receiver.wakes { dispatcher.poke() }
        } onGracefulShutdown: {
            Task { await receiver.close() }
        }
    }
}
