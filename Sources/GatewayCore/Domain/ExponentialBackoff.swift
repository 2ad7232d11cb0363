/// A wait that doubles with every failed attempt, up to a limit: `first · 2^(attempt-1)`, at
/// most `limit`. The queue's retries (with jitter on top) and the upstream outbox's use it.
public struct ExponentialBackoff: Sendable, Hashable {
    /// The wait after the first failure.
    public var first: Duration
    /// The longest wait.
    public var limit: Duration

    public init(first: Duration, limit: Duration) {
        self.first = first
        self.limit = limit
    }

    /// The wait after the `attempt`-th failure (1-based; 0 and below count as 1).
    public func delay(afterAttempt attempt: Int) -> Duration {
        var delay = first
        for _ in 1..<max(1, attempt) {
            guard delay < limit else { break }
            delay = delay * 2
        }
        return min(delay, limit)
    }
}
