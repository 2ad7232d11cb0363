/// A token bucket (rate `perSecond`, burst of one second's worth): the account throughput limit
/// (`accounts[].throughput`, messages per second over every bind and HTTP request). Pure: the
/// caller passes the time, so tests drive it without sleeping.
public struct TokenBucket: Sendable, Equatable {
    public let perSecond: Int
    /// Tokens available, in thousandths (whole milliseconds of refill keep it exact).
    private var milliTokens: Int64
    private var last: Timestamp?

    public init(perSecond: Int) {
        self.perSecond = max(1, perSecond)
        self.milliTokens = Int64(self.perSecond) * 1000
    }

    /// Takes one token at `now` if there is one; false: over the rate, refuse (ESME_RTHROTTLED).
    public mutating func take(now: Timestamp) -> Bool {
        take(1, now: now)
    }

    /// Takes `count` tokens at `now`, all or none (an HTTP batch). A count above one second's
    /// worth never fits: it is taken from a full bucket, which goes into debt, so a large batch
    /// waits its turn and the average stays at the rate.
    public mutating func take(_ count: Int, now: Timestamp) -> Bool {
        let capacity = Int64(perSecond) * 1000
        if let last {
            let elapsed = max(0, now.millisecondsSince1970 - last.millisecondsSince1970)
            // perSecond tokens per 1000 ms = perSecond milli-tokens per ms.
            milliTokens = min(capacity, milliTokens + elapsed * Int64(perSecond))
        }
        last = now
        let wanted = Int64(max(0, count)) * 1000
        guard milliTokens >= min(wanted, capacity) else { return false }
        milliTokens -= wanted
        return true
    }

    /// How long after the last `take` until `count` tokens (at most one second's worth) are there.
    public func wait(for count: Int) -> Duration {
        let wanted = min(Int64(max(0, count)) * 1000, Int64(perSecond) * 1000)
        let missing = max(0, wanted - milliTokens)
        // perSecond milli-tokens come back each millisecond.
        return .milliseconds((missing + Int64(perSecond) - 1) / Int64(perSecond))
    }
}
