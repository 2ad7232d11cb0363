import GatewayCore
import GatewayTestSupport
import QueueCore
import Testing

/// Retries after an attempt (docs/queued.md, "Outcomes").
@Suite("Retry policy")
struct RetryPolicyTests {
    static let now = Timestamp(secondsSince1970: 1_700_000_000)
    static let policy = RetryPolicy(maxAttempts: 3, retryDelay: .seconds(30), retryDelayMax: .seconds(100), jitterPercent: 20, resendUnknown: false)

    static func decide(_ result: AttemptResult, attempts: Int, policy: RetryPolicy = policy) -> RetryDecision {
        var random = SeededRandom(seed: 42)
        return policy.decide(result, attemptsMade: attempts, sim: "s1", now: now, using: &random)
    }

    /// Back-off doubles from retry_delay, is capped at retry_delay_max, and the jitter stays
    /// inside ±20% for 10,000 seeded draws (and reaches both halves of the spread).
    @Test(arguments: [(1, 30_000 as Int64), (2, 60_000), (3, 100_000), (10, 100_000), (1_000, 100_000)])
    func backoffBounds(attempt: Int, base: Int64) {
        var random = SeededRandom(seed: UInt64(attempt))
        var below = false, above = false
        for _ in 0..<10_000 {
            let delay = Self.policy.backoff(afterAttempt: attempt, using: &random)
            let milliseconds = delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000
            #expect(milliseconds >= base - base / 5 && milliseconds <= base + base / 5)
            below = below || milliseconds < base
            above = above || milliseconds > base
        }
        #expect(below && above)
    }

    /// Without jitter the back-off is exact.
    @Test func noJitterIsExact() {
        var policy = Self.policy
        policy.jitterPercent = 0
        var random = SeededRandom(seed: 1)
        #expect(policy.backoff(afterAttempt: 2, using: &random) == .seconds(60))
    }

    @Test func temporaryFailureRetriesOnAnotherSIMThenFails() {
        guard case .retry(let notBefore, let counts, let avoid) = Self.decide(.temporaryFailure(code: 331, detail: "no network"), attempts: 1) else {
            Issue.record("expected a retry")
            return
        }
        #expect(notBefore >= Self.now + .seconds(24) && notBefore <= Self.now + .seconds(36))
        #expect(counts && avoid == "s1")
        // The third attempt was the last.
        #expect(Self.decide(.temporaryFailure(code: 331, detail: "no network"), attempts: 3)
            == .fail(code: 331, reason: "gave up after 3 attempts: no network"))
    }

    @Test func permanentFailureFailsWithItsCode() {
        #expect(Self.decide(.permanentFailure(code: 21, detail: "+CMS ERROR: 21"), attempts: 1)
            == .fail(code: 21, reason: "permanent failure: +CMS ERROR: 21"))
    }

    /// Not attempted: at once, not counted, even when every attempt was used.
    @Test func notAttemptedRetriesAtOnceUncounted() {
        #expect(Self.decide(.notAttempted(detail: "modem not ready"), attempts: 3)
            == .retry(notBefore: Self.now, countsAsAttempt: false, avoidSIM: "s1"))
    }

    /// A device fault retries at once elsewhere, but counts (broken SIMs cannot loop forever).
    @Test func deviceFaultRetriesAtOnceCounted() {
        #expect(Self.decide(.deviceFault(code: 10, detail: "SIM not inserted"), attempts: 1)
            == .retry(notBefore: Self.now, countsAsAttempt: true, avoidSIM: "s1"))
        #expect(Self.decide(.deviceFault(code: 10, detail: "SIM not inserted"), attempts: 3)
            == .fail(code: 10, reason: "gave up after 3 attempts: SIM not inserted"))
    }

    /// Unknown stays unknown unless resend_unknown; then resent at once while attempts remain.
    @Test func unknownOutcome() {
        #expect(Self.decide(.unknown(detail: "modemd died"), attempts: 1) == .keepUnknown)
        var resend = Self.policy
        resend.resendUnknown = true
        #expect(Self.decide(.unknown(detail: "modemd died"), attempts: 1, policy: resend)
            == .retry(notBefore: Self.now, countsAsAttempt: true, avoidSIM: "s1"))
        #expect(Self.decide(.unknown(detail: "modemd died"), attempts: 3, policy: resend) == .keepUnknown)
    }

    @Test func sentIsSent() {
        #expect(Self.decide(.sent, attempts: 1) == .sent)
    }

    /// The config's `[queue]` values feed the policy.
    @Test func fromSettings() {
        let policy = RetryPolicy(ConfigurationDefaults.queue)
        #expect(policy.maxAttempts == 3 && policy.retryDelay == .seconds(30) && policy.retryDelayMax == .seconds(1800))
        #expect(policy.jitterPercent == 20 && !policy.resendUnknown)
    }
}
