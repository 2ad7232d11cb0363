import Logging

/// A connection to another daemon's control socket (queued and simd use it for modemd, simd for
/// queued): connects on first use, forgets a connection that closed or timed out, so the next
/// call connects again and a restarted daemon is found.
public actor PeerLink<P: IPCProtocol> {
    public let path: String
    public let name: String
    private var client: IPCClient<P>?
    private let logger: Logger

    public init(path: String, name: String, logger: Logger) {
        self.path = path
        self.name = name
        self.logger = logger
    }

    public var isConnected: Bool { client != nil }

    public func connection(patience: Duration = .milliseconds(500)) async throws(IPCError) -> IPCClient<P> {
        if let client { return client }
        let fresh = try await IPCClient<P>.connect(to: path, retryingFor: patience)
        if let client {
            await fresh.close()
            return client
        }
        client = fresh
        logger.info("connected to \(name) at \(path)")
        return fresh
    }

    public func drop(_ failed: IPCClient<P>) async {
        guard let client, client === failed else { return }
        self.client = nil
        await failed.close()
        logger.warning("lost the connection to \(name)")
    }

    public func call(_ request: P.Request, timeout: Duration) async -> Result<P.Response, IPCError> {
        let client: IPCClient<P>
        do { client = try await connection() } catch { return .failure(error) }
        do {
            return .success(try await client.call(request, timeout: timeout))
        } catch {
            if error.code == .connectionClosed || error.code == .timeout { await drop(client) }
            return .failure(error)
        }
    }
}
