import GatewayCore

/// The queue's retry rules (docs/queued.md, "Outcomes"; `[queue]` in docs/configuration.md):
/// - temporary failure: retry after an exponential back-off (`retry_delay` doubled per attempt,
///   at most `retry_delay_max`, spread by ±`retry_jitter_percent`), on another SIM where one
///   can send, until `max_attempts` attempts were made; then failed;
/// - device fault: the SIM is at fault, not the message: retry at once on another SIM (it
///   still counts, so a box of broken SIMs cannot loop forever);
/// - permanent failure: failed, with the code;
/// - not attempted: retry at once, not counted;
/// - unknown: kept unknown (a status report resolves it) unless `resend_unknown`, then retried
///   at once, counted.
public struct RetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    public var retryDelay: Duration
    public var retryDelayMax: Duration
    public var jitterPercent: Int
    public var resendUnknown: Bool

    public init(maxAttempts: Int, retryDelay: Duration, retryDelayMax: Duration, jitterPercent: Int, resendUnknown: Bool) {
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.retryDelayMax = retryDelayMax
        self.jitterPercent = jitterPercent
        self.resendUnknown = resendUnknown
    }

    public init(_ settings: QueueSettings) {
        self.init(maxAttempts: settings.maxAttempts, retryDelay: settings.retryDelay, retryDelayMax: settings.retryDelayMax,
                  jitterPercent: settings.retryJitterPercent, resendUnknown: settings.resendUnknown)
    }

    /// - Parameters:
    ///   - attemptsMade: counted attempts including the one that just ended (1 after the first).
    ///   - sim: the SIM the attempt used.
    public func decide<Generator: RandomNumberGenerator>(
        _ result: AttemptResult, attemptsMade: Int, sim: String, now: Timestamp, using generator: inout Generator
    ) -> RetryDecision {
        switch result {
        case .sent:
            return .sent
        case .permanentFailure(let code, let detail):
            return .fail(code: code, reason: "permanent failure: \(detail)")
        case .notAttempted:
            return .retry(notBefore: now, countsAsAttempt: false, avoidSIM: sim)
        case .unknown:
            guard resendUnknown else { return .keepUnknown }
            return attemptsMade >= maxAttempts
                ? .keepUnknown
                : .retry(notBefore: now, countsAsAttempt: true, avoidSIM: sim)
        case .deviceFault(let code, let detail):
            guard attemptsMade < maxAttempts else { return Self.exhausted(code, detail, attemptsMade) }
            return .retry(notBefore: now, countsAsAttempt: true, avoidSIM: sim)
        case .temporaryFailure(let code, let detail):
            guard attemptsMade < maxAttempts else { return Self.exhausted(code, detail, attemptsMade) }
            return .retry(notBefore: now + backoff(afterAttempt: attemptsMade, using: &generator), countsAsAttempt: true, avoidSIM: sim)
        }
    }

    /// The wait after the `attempt`-th failed attempt (1-based): `retry_delay × 2^(attempt-1)`,
    /// capped at `retry_delay_max`, then multiplied by a uniform factor in 1 ± jitter.
    public func backoff<Generator: RandomNumberGenerator>(afterAttempt attempt: Int, using generator: inout Generator) -> Duration {
        let delay = ExponentialBackoff(first: retryDelay, limit: retryDelayMax).delay(afterAttempt: attempt).milliseconds
        let spread = delay * Int64(jitterPercent) / 100
        guard spread > 0 else { return .milliseconds(delay) }
        return .milliseconds(delay + Int64.random(in: -spread...spread, using: &generator))
    }

    private static func exhausted(_ code: Int?, _ detail: String, _ attempts: Int) -> RetryDecision {
        .fail(code: code, reason: "gave up after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(detail)")
    }
}
