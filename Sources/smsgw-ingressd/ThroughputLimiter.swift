import GatewayCore

/// Each account's `throughput` (messages per second, all binds and requests together) as a
/// token bucket: it refills at `throughput` tokens a second up to one second's worth, and a
/// request for n messages takes n tokens or is refused whole. The clock is injected (tests
/// advance it). A request larger than one second's worth is admitted only into a full bucket
/// and leaves it in debt, so a batch waits for its turn instead of never fitting and the
/// average stays at `throughput`. The HTTP API passes `admit` as its limit.
actor ThroughputLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let rates: [String: Double]
    private let now: @Sendable () -> ContinuousClock.Instant
    private var buckets: [String: Bucket] = [:]

    init(accounts: [UpstreamAccount], now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        var rates: [String: Double] = [:]
        for account in accounts { rates[account.id] = Double(max(account.throughput, 1)) }
        self.rates = rates
        self.now = now
    }

    /// Whether `account` may send `messages` now; if not, nothing is taken and the answer
    /// says how long until they would fit. An unknown account is refused.
    func admit(_ account: String, messages: Int = 1) -> ThroughputDecision {
        guard let rate = rates[account] else { return .refused(retryAfter: .seconds(1)) }
        let current = now()
        var bucket = buckets[account] ?? Bucket(tokens: rate, updated: current)
        let elapsed = current - bucket.updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(rate, bucket.tokens + max(0, seconds) * rate)
        bucket.updated = current
        defer { buckets[account] = bucket }
        let wanted = Double(messages)
        if wanted <= bucket.tokens || (wanted > rate && bucket.tokens >= rate) {
            bucket.tokens -= wanted
            return .admitted
        }
        let short = min(wanted, rate) - bucket.tokens
        return .refused(retryAfter: .milliseconds(Int64((short / rate * 1000).rounded(.up))))
    }
}

enum ThroughputDecision: Sendable, Equatable {
    case admitted
    /// Not now; try again after `retryAfter`.
    case refused(retryAfter: Duration)
}
