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

    private struct State {
        var elapsed: Duration = .zero
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
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
                let resume = state.withLock { state -> Result<Void, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if duration <= .zero { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: state.elapsed + duration, continuation: continuation)
                    return nil
                }
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

    /// How many tasks sleep on the clock now. A test that advances the clock to wake a loop's
    /// pause first waits until the loop sleeps on it: an advance made before the loop goes to
    /// sleep does not reach it (its deadline is counted from the time it sleeps).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }
}
