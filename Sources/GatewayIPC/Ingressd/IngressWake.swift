/// Wakes smsgw-ingressd's upstream outbox (`ingressd.wake` under the runtime directory, docs/ipc.md
/// "Wake-ups") after a write that gave it work: queued's DLRs, modemd's complete inbound
/// messages. One datagram, never blocking; ingressd's 1 s sweep is the safety net for a lost one.
public struct IngressWake: Sendable {
    public let path: String

    public init(runtimeDirectory: String) { path = "\(runtimeDirectory)/ingressd.wake" }

    public func send() { Wakeup.send(to: path) }
}
