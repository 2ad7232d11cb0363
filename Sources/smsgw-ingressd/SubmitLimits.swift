import GatewayCore
import GatewayDaemon

/// Per-account throughput (`accounts[].throughput`, messages per second over every SMPP bind
/// and HTTP request together): one token bucket per account, shared by every session and the
/// HTTP API. Over the rate → SMPP ESME_RTHROTTLED (0x58), HTTP 429.
actor ThroughputLimiter {
    private var buckets: [String: TokenBucket]
    private let now: @Sendable () -> Timestamp

    init(accounts: [UpstreamAccount], now: @escaping @Sendable () -> Timestamp = { .wallClock }) {
        var buckets: [String: TokenBucket] = [:]
        for account in accounts { buckets[account.id] = TokenBucket(perSecond: account.throughput) }
        self.buckets = buckets
        self.now = now
    }

    /// Follows a reload: an account whose rate is unchanged keeps its bucket (what it spent
    /// stays spent), a new or changed rate starts a full bucket, a removed account is refused.
    func update(accounts: [UpstreamAccount]) {
        var next: [String: TokenBucket] = [:]
        for account in accounts {
            if let bucket = buckets[account.id], bucket.perSecond == TokenBucket(perSecond: account.throughput).perSecond {
                next[account.id] = bucket
            } else {
                next[account.id] = TokenBucket(perSecond: account.throughput)
            }
        }
        buckets = next
    }

    /// Takes one message's worth of `account`'s rate; false: refuse it for now. An account the
    /// configuration does not know is refused.
    func admit(account: String) -> Bool {
        guard var bucket = buckets[account] else { return false }
        let admitted = bucket.take(now: now())
        buckets[account] = bucket
        return admitted
    }

    /// Takes `messages` messages' worth of `account`'s rate, all or none (an HTTP request);
    /// refused: how long until they would fit (`TokenBucket.take(_:now:)`).
    func admit(account: String, messages: Int) -> ThroughputDecision {
        guard var bucket = buckets[account] else { return .refused(retryAfter: .seconds(1)) }
        let admitted = bucket.take(messages, now: now())
        buckets[account] = bucket
        return admitted ? .admitted : .refused(retryAfter: bucket.wait(for: messages))
    }
}

/// What `ThroughputLimiter.admit(account:messages:)` decided.
enum ThroughputDecision: Sendable, Equatable {
    case admitted
    /// Not now; try again after `retryAfter`.
    case refused(retryAfter: Duration)
}

/// Repeated bind failures from one address (a password guesser, a misconfigured platform
/// reconnecting in a loop): from the 5th failure within a minute on, every bind from that
/// address is answered only after a delay that doubles with each failure, up to 5 s. Pure.
struct BindFailureRecord: Sendable {
    static let window: Duration = .seconds(60)
    static let free = 4
    static let firstDelay: Duration = .milliseconds(250)
    static let maximumDelay: Duration = .seconds(5)

    private var failures: [String: [Timestamp]] = [:]

    mutating func failed(_ address: String, at now: Timestamp) {
        var list = failures[address, default: []].filter { $0 > now - Self.window }
        list.append(now)
        failures[address] = list
        if failures.count > 10_000 { failures = failures.filter { $0.value.last.map { $0 > now - Self.window } ?? false } }
    }

    /// How long to wait before answering a bind from `address` at `now`.
    func delay(for address: String, at now: Timestamp) -> Duration {
        let recent = failures[address, default: []].filter { $0 > now - Self.window }.count
        guard recent > Self.free else { return .zero }
        var delay = Self.firstDelay
        for _ in 0..<(recent - Self.free - 1) {
            delay = delay * 2
            if delay >= Self.maximumDelay { return Self.maximumDelay }
        }
        return delay
    }
}

/// The shared `BindFailureRecord` of every session.
actor BindFailureGuard {
    private var record = BindFailureRecord()

    func failed(_ address: String) { record.failed(address, at: .wallClock) }
    func delay(for address: String) -> Duration { record.delay(for: address, at: .wallClock) }
}
