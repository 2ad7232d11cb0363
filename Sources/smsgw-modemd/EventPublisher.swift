import GatewayIPC
import Synchronization

/// Where runners announce stored inbound messages and status reports: the control socket's
/// subscribers, once the server is bound (runners are made before it).
final class EventPublisher: Sendable {
    private let server = Mutex<IPCServer<ModemdProtocol>?>(nil)

    func attach(_ server: IPCServer<ModemdProtocol>) {
        self.server.withLock { $0 = server }
    }

    func publish(_ event: ModemdProtocol.Event) {
        let server = self.server.withLock { $0 }
        try? server?.publish(event)
    }
}
