import GatewayIPC

/// Wakes smsgw-ingressd (`ingressd.wake`, docs/ipc.md "Wake-ups") when the queue's writes put
/// DLRs in the upstream outbox (status reports, failed/expired/cancelled/sent messages), so
/// they go upstream at once instead of at ingressd's next 1 s sweep.
extension QueueStore {
    /// Whether the outbox has entries newer than at the last call (the first call only records).
    func outboxGrew() -> Bool {
        guard let newest = try? lastOutboxID() else { return false }
        defer { lastOutboxSeen = newest }
        return lastOutboxSeen.map { newest > $0 } ?? false
    }
}

extension Dispatcher {
    var ingressWake: IngressWake { IngressWake(runtimeDirectory: configuration.runtime.directory) }
}
