import GatewayIPC
import Logging

/// Cancels waiting messages through smsgw-queued's control socket (`QueuedProtocol.cancel`,
/// docs/queued.md): after accept the queue owns a message's state, so ingress asks it rather
/// than writing the row itself. One connection, opened on first use and opened again after
/// it broke; a queue that cannot be reached is reported, never taken for a refusal.
actor QueuedCanceller {
    enum Outcome: Sendable, Equatable {
        case cancelled
        /// Already sending, sent or final (or gone): nothing changed.
        case notCancellable
        /// smsgw-queued did not answer: the message's fate is unchanged and unknown to us.
        case unreachable(String)
    }

    private let path: String
    private let timeout: Duration
    private var client: IPCClient<QueuedProtocol>?

    init(path: String, timeout: Duration = .seconds(5)) {
        self.path = path
        self.timeout = timeout
    }

    func cancel(_ messageID: Int64) async -> Outcome {
        // A connection that broke since the last call fails at once: drop it and try a new one.
        for _ in 0..<2 {
            let client: IPCClient<QueuedProtocol>
            do {
                client = try await connected()
            } catch {
                return .unreachable(error.description)
            }
            do {
                switch try await client.call(.cancel(messageID: messageID), timeout: timeout) {
                case .cancelled(_, let done): return done ? .cancelled : .notCancellable
                default: return .unreachable("smsgw-queued answered cancel with another response")
                }
            } catch where error.code == .unknownMessage {
                return .notCancellable
            } catch where error.code == .connectionClosed {
                await drop(client)
            } catch {
                await drop(client)
                return .unreachable(error.description)
            }
        }
        return .unreachable("the connection to \(path) closed twice")
    }

    private func connected() async throws(IPCError) -> IPCClient<QueuedProtocol> {
        if let client { return client }
        let fresh = try await IPCClient.connect(to: path, protocol: QueuedProtocol.self)
        client = fresh
        return fresh
    }

    private func drop(_ broken: IPCClient<QueuedProtocol>) async {
        if client === broken { client = nil }
        await broken.close()
    }
}
