#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import SMPPCodec
import Synchronization
import SystemBridge

/// Our side of one SMPP session as seen from outside its read loop: requests we send (deliver_sm,
/// enquire_link, unbind) with their own sequence numbers and the responses matched back to them
/// (SMPP 3.4 §2.6), when the peer was last heard, how many of its submits are unanswered, and
/// whether shutdown began. Shared by the read loop, the health monitor and the dispatcher.
final class SessionLink: Sendable {
    private enum Slot {
        case waiting(CheckedContinuation<PDU?, Never>?)
        case arrived(PDU)
    }

    private struct State {
        var nextSequence: UInt32 = 1
        var slots: [UInt32: Slot] = [:]
        var closed = false
    }

    let writer: PDUWriter
    private let close: @Sendable () -> Void
    private let state = Mutex(State())
    /// Monotonic nanoseconds at which the peer last sent anything.
    private let heardAt = Atomic<UInt64>(UInt64(MonotonicClock.nanoseconds()))
    /// The peer's submits in flight (read, not yet answered): the window of §2.6.
    let unanswered = Atomic<Int>(0)
    /// Set when graceful shutdown began: the monitor unbinds and closes.
    let stopping = Atomic<Bool>(false)
    /// Set when a reload took the account's access away (removed, disabled, new password): the
    /// monitor unbinds and closes, and no further request is taken.
    let revoked = Atomic<Bool>(false)
    /// Set once a bind succeeded: only a bound peer is probed and unbound (§2.3); an open one is closed.
    let bound = Atomic<Bool>(false)

    init(writer: PDUWriter, close: @escaping @Sendable () -> Void) {
        self.writer = writer
        self.close = close
    }

    /// The read loop heard a PDU.
    func heard() { heardAt.store(UInt64(MonotonicClock.nanoseconds()), ordering: .relaxed) }

    var silence: Duration {
        let now = UInt64(MonotonicClock.nanoseconds()), then = heardAt.load(ordering: .relaxed)
        return .nanoseconds(Int64(now > then ? now - then : 0))
    }

    /// Sends `body` as a request with our next sequence number; its response, or nil when none
    /// came within `timeout` or the session ended.
    func request(_ body: PDUBody, timeout: Duration) async -> PDU? {
        let sequence: UInt32? = state.withLock { state in
            guard !state.closed else { return nil }
            let sequence = state.nextSequence
            // §3.2: sequence numbers run 0x00000001 to 0x7FFFFFFF.
            state.nextSequence = sequence >= 0x7FFF_FFFF ? 1 : sequence + 1
            state.slots[sequence] = .waiting(nil)
            return sequence
        }
        guard let sequence else { return nil }
        do { try await writer.send(PDU(body, sequenceNumber: sequence)) } catch {
            _ = take(sequence)
            return nil
        }
        return await withTaskGroup(of: PDU?.self) { group in
            group.addTask { await self.wait(for: sequence) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                if !Task.isCancelled { self.expire(sequence) }
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Sends `body` as a request whose answer nobody waits for (enquire_link: its answer is
    /// simply hearing from the peer).
    func send(_ body: PDUBody) async {
        let sequence: UInt32? = state.withLock { state in
            guard !state.closed else { return nil }
            let sequence = state.nextSequence
            state.nextSequence = sequence >= 0x7FFF_FFFF ? 1 : sequence + 1
            return sequence
        }
        guard let sequence else { return }
        try? await writer.send(PDU(body, sequenceNumber: sequence))
    }

    /// A response from the peer: true when it answered one of our requests.
    func resolve(_ pdu: PDU) -> Bool {
        let waiter: CheckedContinuation<PDU?, Never>?? = state.withLock { state in
            guard let slot = state.slots[pdu.sequenceNumber] else { return .none }
            switch slot {
            case .waiting(let continuation?):
                state.slots[pdu.sequenceNumber] = nil
                return .some(continuation)
            case .waiting(nil):
                state.slots[pdu.sequenceNumber] = .arrived(pdu)
                return .some(nil)
            case .arrived:
                return .some(nil)
            }
        }
        guard let waiter else { return false }
        waiter?.resume(returning: pdu)
        return true
    }

    /// Ends every request waiting (the session is over) and refuses new ones.
    func finish() {
        let waiters = state.withLock { state -> [CheckedContinuation<PDU?, Never>] in
            state.closed = true
            let waiting = state.slots.values.compactMap { slot -> CheckedContinuation<PDU?, Never>? in
                if case .waiting(let continuation?) = slot { continuation } else { nil }
            }
            state.slots = [:]
            return waiting
        }
        for waiter in waiters { waiter.resume(returning: nil) }
    }

    /// Closes the connection (the read loop then ends).
    func closeConnection() { close() }

    private func wait(for sequence: UInt32) async -> PDU? {
        await withCheckedContinuation { continuation in
            let ready: PDU?? = state.withLock { state in
                switch state.slots[sequence] {
                case .arrived(let pdu):
                    state.slots[sequence] = nil
                    return .some(pdu)
                case .waiting:
                    state.slots[sequence] = .waiting(continuation)
                    return .none
                case nil:
                    return .some(nil)  // expired or finished already
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private func expire(_ sequence: UInt32) {
        if case .waiting(let continuation?)? = take(sequence) { continuation.resume(returning: nil) }
    }

    private func take(_ sequence: UInt32) -> Slot? {
        state.withLock { $0.slots.removeValue(forKey: sequence) }
    }
}
