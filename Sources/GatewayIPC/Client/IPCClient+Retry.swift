import NIOCore
import NIOPosix

extension IPCClient {
    /// Connects, trying again every `interval` while the socket is absent or refuses, for at
    /// most `patience` (a daemon started before its peer waits for the peer to bind).
    /// - Throws: the last `connect_failed` ``IPCError`` once `patience` is spent, or `cancelled`.
    public static func connect(
        to path: String,
        protocol: P.Type = P.self,
        configuration: IPCClientConfiguration = IPCClientConfiguration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        retryingFor patience: Duration,
        every interval: Duration = .milliseconds(100)
    ) async throws(IPCError) -> IPCClient<P> {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        while true {
            do throws(IPCError) {
                return try await Self.connect(to: path, configuration: configuration, eventLoopGroup: eventLoopGroup)
            } catch {
                guard clock.now.advanced(by: interval) < deadline else { throw error }
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    throw IPCError(.cancelled, "connecting to \(path) was cancelled")
                }
            }
        }
    }
}
