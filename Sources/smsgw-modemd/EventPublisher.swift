import GatewayIPC
import Synchronization

/// Where runners announce what they stored: status reports and modem changes to the control
/// socket's subscribers (queued), once the server is bound (runners are made before it); a
/// complete inbound message to ingressd's upstream outbox, which forwards it (a wake-up
/// datagram after the store's commit: the outbox needs a nudge, not the id).
final class EventPublisher: Sendable {
    private let server = Mutex<IPCServer<ModemdProtocol>?>(nil)
    private let ingress: IngressWake

    init(ingress: IngressWake) {
        self.ingress = ingress
    }

    func attach(_ server: IPCServer<ModemdProtocol>) {
        self.server.withLock { $0 = server }
    }

    func publish(_ event: ModemdProtocol.Event) {
        let server = self.server.withLock { $0 }
        try? server?.publish(event)
    }

    /// An inbound message became complete (or was abandoned with parts missing) in the store:
    /// ingressd forwards it upstream now rather than at its outbox's next sweep.
    func inboundCompleted() {
        ingress.send()
    }
}
