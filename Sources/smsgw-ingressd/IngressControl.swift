import GatewayCore
import GatewayDaemon
import GatewayIPC
import Glibc
import Logging

/// ingressd's control socket `<runtime>/ingressd.sock` (docs/ingressd.md, "Control socket"):
/// `health` for smsgw-watchdogd — whether it accepts, whether the store answers, which
/// listeners are up, and its progress counters (accepted, outbox pending and settled).
enum IngressControl {
    /// Bound after the listeners, so every enabled listener of `configuration` is up by then.
    static func bind(configuration: GatewayConfiguration, committer: GroupCommitter, outbox: OutboxStore,
                     reloader: ConfigurationReloader, logger: Logger) async throws -> IPCServer<IngressdProtocol> {
        let settings = configuration.listeners
        let listeners = [("smpp", settings.smpp), ("http", settings.http)]
            .filter { $0.1.enabled }.map { "\($0.0) \($0.1.address):\($0.1.port)" }
        let path = "\(configuration.runtime.directory)/ingressd.sock"
        return try await IPCServer<IngressdProtocol>.bind(path: path, logger: logger) { request in
            switch request {
            case .health:
                return .health(await health(committer: committer, outbox: outbox, listeners: listeners))
            case .reload:
                return .reload(await reloader.reload())
            }
        }
    }

    static func health(committer: GroupCommitter, outbox: OutboxStore, listeners: [String]) async -> IngressdHealth {
        let accepting = await committer.isAccepting
        let commitFailed = await committer.lastCommitFailed
        var pending = 0
        var storeError: String?
        do { pending = try await outbox.pendingCount() } catch { storeError = "\(error)" }
        let storeWritable = storeError == nil && !commitFailed
        var problems: [String] = []
        if !accepting { problems.append("not accepting (shutting down)") }
        if commitFailed { problems.append("the last accept commit failed") }
        if let storeError { problems.append("store: \(storeError)") }
        let accepted = await committer.acceptedCount, delivered = await outbox.settledCount
        let daemon = DaemonHealth(
            healthy: problems.isEmpty, progress: accepted + delivered,
            detail: problems.isEmpty ? "accepting on \(listeners.joined(separator: ", "))" : problems.joined(separator: "; "),
            pid: getpid())
        return IngressdHealth(daemon: daemon, accepting: accepting, storeWritable: storeWritable, listeners: listeners,
                              accepted: accepted, outboxPending: pending, outboxDelivered: delivered)
    }
}
