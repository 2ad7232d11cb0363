import GatewayTime
import Synchronization

/// A `DaemonClock` that moves only when a test says so: the wall clock starts at `start`, the
/// monotonic clock at zero, and `advance` moves both together. A task sleeping on it wakes when
/// an advance reaches its deadline (at once for a deadline already reached), or with
/// `CancellationError` when its task is cancelled. A test gives it to a daemon's loop, advances
/// it past a back-off, a cool-down or local midnight, and waits for the effect instead of
/// sleeping through the time.
public final class ManualClock: DaemonClock {
    private struct Sleeper {
        var deadline: Duration
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct SleeperWait {
        var count: Int
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var elapsed: Duration = .zero
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var waits: [SleeperWait] = []

        /// Takes out the sleeper waits that `sleepers.count` now satisfies.
        mutating func satisfiedWaits() -> [CheckedContinuation<Void, Never>] {
            let count = sleepers.count
            let done = waits.filter { $0.count <= count }.map(\.continuation)
            waits.removeAll { $0.count <= count }
            return done
        }
    }

    public let start: Timestamp
    private let state = Mutex(State())

    public init(start: Timestamp) {
        self.start = start
    }

    public func now() -> Timestamp { start + monotonic() }

    public func monotonic() -> Duration { state.withLock { $0.elapsed } }

    public func sleep(for duration: Duration) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (resume, waits) = state.withLock { state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if Task.isCancelled { return (.failure(CancellationError()), []) }
                    if duration <= .zero { return (.success(()), []) }
                    state.sleepers[id] = Sleeper(deadline: state.elapsed + duration, continuation: continuation)
                    return (nil, state.satisfiedWaits())
                }
                for wait in waits { wait.resume() }
                if let resume { continuation.resume(with: resume) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves both clocks on by `duration` and wakes every sleeper whose deadline it reaches.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "a clock does not go back")
        let woken = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.elapsed += duration
            let due = state.sleepers.filter { $0.value.deadline <= state.elapsed }
            for id in due.keys { state.sleepers[id] = nil }
            return due.sorted { $0.value.deadline < $1.value.deadline }.map(\.value.continuation)
        }
        for continuation in woken { continuation.resume() }
    }

    /// Moves both clocks on until the wall clock reads `time` (no move when it is already past).
    public func advance(to time: Timestamp) {
        advance(by: max(.zero, .milliseconds(time.millisecondsSince1970 - now().millisecondsSince1970)))
    }

    /// How many tasks sleep on the clock now.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Returns once at least `count` tasks sleep on the clock: a loop has parked on its pause, so
    /// an advance now reaches it (an advance before it sleeps would not).
    public func waitForSleepers(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.sleepers.count >= count { return true }
                state.waits.append(SleeperWait(count: count, continuation: continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
