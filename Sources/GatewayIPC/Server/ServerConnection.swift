import NIOCore
import Synchronization

/// What the server knows about one open connection, shared by its reader, its request tasks,
/// its event forwarder, `publish` and graceful shutdown.
final class ServerConnection: Sendable {
    private struct State {
        var requestsInFlight = 0
        var draining = false
        var subscribed = false
    }

    let channel: any Channel
    /// Event frames waiting to be written to this connection (only once it subscribed).
    let events: AsyncStream<ByteBuffer>
    private let eventSink: AsyncStream<ByteBuffer>.Continuation
    private let state = Mutex(State())

    init(channel: any Channel, maximumQueuedEvents: Int) {
        self.channel = channel
        (self.events, self.eventSink) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingOldest(maximumQueuedEvents))
    }

    /// Counts a request in; `false` when draining, and the request must be refused with `shutting_down`.
    func beginRequest() -> Bool {
        self.state.withLock { state in
            guard !state.draining else { return false }
            state.requestsInFlight += 1
            return true
        }
    }

    /// Counts a request out; closes the connection if it was the last one of a drain.
    func endRequest() {
        let close = self.state.withLock { state in
            state.requestsInFlight -= 1
            return state.draining && state.requestsInFlight == 0
        }
        if close { self.channel.close(promise: nil) }
    }

    /// Graceful shutdown: refuse new requests, close once the running ones have answered.
    func drain() {
        let close = self.state.withLock { state in
            state.draining = true
            return state.requestsInFlight == 0
        }
        if close { self.channel.close(promise: nil) }
    }

    func subscribe() {
        self.state.withLock { $0.subscribed = true }
    }

    /// Queues an event frame if this connection subscribed; a full queue closes the connection.
    func offer(event frame: ByteBuffer) {
        guard self.state.withLock({ $0.subscribed }) else { return }
        if case .dropped = self.eventSink.yield(frame) {
            self.eventSink.finish()
            self.channel.close(promise: nil)
        }
    }

    /// No more events will be written (the connection is ending).
    func finishEvents() {
        self.eventSink.finish()
    }
}
