import GatewayCore
import Synchronization
import Testing
@testable import smsgw_ingressd

@Suite("Throughput limiter (token bucket per account)")
struct ThroughputLimiterTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        let start = ContinuousClock.now
        let offset = Mutex<Duration>(.zero)
        func advance(_ by: Duration) { offset.withLock { $0 += by } }
        var now: ContinuousClock.Instant { start + offset.withLock { $0 } }
    }

    static func limiter(throughput: Int, clock: ManualClock) -> ThroughputLimiter {
        let account = UpstreamAccount(id: "a", throughput: throughput, maxBinds: 1, allowedClasses: [.transactional],
                                      defaultClass: .transactional, smpp: nil, http: nil)
        return ThroughputLimiter(accounts: [account], now: { clock.now })
    }

    @Test("a full bucket admits one second's worth, then refuses with the wait for one token")
    func burstThenRefuse() async {
        let clock = ManualClock()
        let limiter = Self.limiter(throughput: 10, clock: clock)
        for _ in 0..<10 { #expect(await limiter.admit("a") == .admitted) }
        #expect(await limiter.admit("a") == .refused(retryAfter: .milliseconds(100)))
        clock.advance(.milliseconds(100))
        #expect(await limiter.admit("a") == .admitted)
        #expect(await limiter.admit("a") == .refused(retryAfter: .milliseconds(100)))
    }

    @Test("refill stops at one second's worth")
    func cap() async {
        let clock = ManualClock()
        let limiter = Self.limiter(throughput: 5, clock: clock)
        clock.advance(.seconds(60))
        #expect(await limiter.admit("a", messages: 5) == .admitted)
        #expect(await limiter.admit("a") == .refused(retryAfter: .milliseconds(200)))
    }

    @Test("a request larger than the bucket goes into a full bucket and leaves it in debt")
    func largeBatch() async {
        let clock = ManualClock()
        let limiter = Self.limiter(throughput: 10, clock: clock)
        #expect(await limiter.admit("a", messages: 30) == .admitted)   // 10 tokens - 30 = -20
        #expect(await limiter.admit("a") == .refused(retryAfter: .milliseconds(2100)))
        clock.advance(.seconds(3))                                         // back to 10 (capped)
        #expect(await limiter.admit("a", messages: 30) == .admitted)
        #expect(await limiter.admit("a", messages: 30) == .refused(retryAfter: .seconds(3)))
    }

    @Test("an account not in the configuration is refused")
    func unknown() async {
        let limiter = Self.limiter(throughput: 10, clock: ManualClock())
        #expect(await limiter.admit("nobody") == .refused(retryAfter: .seconds(1)))
    }
}
