import GatewayIPC

/// The HTTP API's line to smsgw-queued's control socket (`<runtime>/queued.sock`), which
/// owns a message's state after accept: cancel goes through it. Connects on first use and
/// again after the connection is lost; every failure to reach queued is `.unavailable`.
actor QueuedControl {
    enum CancelOutcome: Sendable, Equatable {
        case cancelled
        /// Already sending or final.
        case notCancellable
        case unknownMessage
        case unavailable(String)
    }

    private let path: String
    private var client: IPCClient<QueuedProtocol>?

    init(socketPath: String) {
        path = socketPath
    }

    func cancel(messageID: Int64) async -> CancelOutcome {
        for attempt in 0..<2 {
            let connected: IPCClient<QueuedProtocol>
            if let client {
                connected = client
            } else {
                do {
                    connected = try await IPCClient.connect(to: path, protocol: QueuedProtocol.self,
                                                            configuration: IPCClientConfiguration(defaultTimeout: .seconds(5)))
                    client = connected
                } catch {
                    return .unavailable(error.message)
                }
            }
            do {
                switch try await connected.call(.cancel(messageID: messageID)) {
                case .cancelled(_, let done): return done ? .cancelled : .notCancellable
                default: return .unavailable("smsgw-queued answered cancel with something else")
                }
            } catch {
                if error.code == .unknownMessage { return .unknownMessage }
                if error.code == .connectionClosed, attempt == 0 {
                    client = nil  // queued restarted: connect again once
                    continue
                }
                client = nil
                return .unavailable(error.message)
            }
        }
        return .unavailable("smsgw-queued closed the connection")
    }
}
