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
        let capacity = Int64(perSecond) * 1000
        if let last {
            let elapsed = max(0, now.millisecondsSince1970 - last.millisecondsSince1970)
            // perSecond tokens per 1000 ms = perSecond milli-tokens per ms.
            milliTokens = min(capacity, milliTokens + elapsed * Int64(perSecond))
        }
        last = now
        guard milliTokens >= 1000 else { return false }
        milliTokens -= 1000
        return true
    }
}
