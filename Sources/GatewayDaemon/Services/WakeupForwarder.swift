import GatewayIPC
import ServiceLifecycle

/// Wake-up datagrams on a daemon's `.wake` socket (docs/ipc.md, "Wake-ups") become calls of
/// `wake` (a kick of its work loop); at graceful shutdown the socket is closed.
public struct WakeupForwarder: Service {
    private let receiver: WakeupReceiver
    private let wake: @Sendable () async -> Void

    public init(receiver: WakeupReceiver, wake: @escaping @Sendable () async -> Void) {
        self.receiver = receiver
        self.wake = wake
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in receiver.wakes { await wake() }
        } onGracefulShutdown: {
            Task { await receiver.close() }
        }
    }
}
