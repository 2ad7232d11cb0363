import NIOCore
import Synchronization

/// What a call waits for: the response, or the acknowledgement of a subscription.
enum CallReply<Response: Sendable>: Sendable {
    case response(Response)
    case subscribed
}

/// The calls of one connection that await their reply, by request id. Every waiter is resumed
/// exactly once: by its reply, its timeout, its cancellation, or the connection closing.
final class PendingCalls<Response: Sendable>: Sendable {
    typealias Waiter = CheckedContinuation<Result<CallReply<Response>, IPCError>, Never>

    private struct Entry {
        var waiter: Waiter
        var timer: Scheduled<Void>?
    }

    private struct State {
        var nextID: UInt64 = 1
        var entries: [UInt64: Entry] = [:]
        var closedBy: IPCError?
    }

    private let state = Mutex(State())

    func makeID() -> UInt64 {
        self.state.withLock { state in
            defer { state.nextID &+= 1 }
            return state.nextID
        }
    }

    /// Registers a waiter; if the connection is already closed, resumes it with that error.
    func register(_ id: UInt64, _ waiter: Waiter) {
        let closedBy: IPCError? = self.state.withLock { state in
            if let error = state.closedBy { return error }
            state.entries[id] = Entry(waiter: waiter, timer: nil)
            return nil
        }
        if let closedBy { waiter.resume(returning: .failure(closedBy)) }
    }

    /// Ties a timeout timer to a call; cancels the timer if the call is already over.
    func attach(_ timer: Scheduled<Void>, to id: UInt64) {
        let attached = self.state.withLock { state in
            guard state.entries[id] != nil else { return false }
            state.entries[id]?.timer = timer
            return true
        }
        if !attached { timer.cancel() }
    }

    /// Resumes the call `id` (a reply for a call that is gone — timed out, cancelled — is dropped).
    func complete(_ id: UInt64, with result: Result<CallReply<Response>, IPCError>) {
        guard let entry = self.state.withLock({ $0.entries.removeValue(forKey: id) }) else { return }
        entry.timer?.cancel()
        entry.waiter.resume(returning: result)
    }

    /// Fails every waiting call and every later one with `error`.
    func close(with error: IPCError) {
        let entries = self.state.withLock { state in
            if state.closedBy == nil { state.closedBy = error }
            defer { state.entries.removeAll() }
            return state.entries.values
        }
        for entry in entries {
            entry.timer?.cancel()
            entry.waiter.resume(returning: .failure(error))
        }
    }
}
