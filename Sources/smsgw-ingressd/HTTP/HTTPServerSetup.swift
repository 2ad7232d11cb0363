import GatewayCore
import GatewayDaemon
import Logging

/// Builds the HTTP listener of `[listeners.http]` from the configuration: the accounts' API
/// keys and sendsms users, the throughput limiter (the one SMPP uses: one budget per account),
/// the group commit, a store reader of its
/// own and the line to smsgw-queued (`QueuedCanceller`, shared with SMPP cancel_sm).
enum HTTPServerSetup {
    static func listener(configuration: GatewayConfiguration, accounts: AccountBook, committer: GroupCommitter, limiter: ThroughputLimiter,
                         canceller: QueuedCanceller, metrics: PrometheusMetricsFactory, logger: Logger) async throws -> HTTPListener {
        let context = APIContext(
            authenticator: HTTPAuthenticator(book: accounts),
            admit: { account, messages in await limiter.admit(account: account, messages: messages) },
            accept: { messages in try await committer.submit(all: messages) },
            reader: try HTTPStoreReader(path: configuration.store.path),
            queued: canceller,
            logger: logger)
        let connection = HTTPConnection(router: HTTPRoutes.router(context: context, metrics: metrics),
                                        metrics: HTTPMetrics(), logger: logger)
        let http = configuration.listeners.http
        return try await HTTPListener.bind(host: http.address, port: http.port, connection: connection, logger: logger)
    }
}
