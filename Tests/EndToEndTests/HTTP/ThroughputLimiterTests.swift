import GatewayCore
import Synchronization
import Testing
@testable import IngressdDaemon

@Suite("Throughput for HTTP requests of n messages (token bucket per account, shared with SMPP)")
struct ThroughputLimiterTests {
    /// A wall clock the test moves by hand.
    final class ManualClock: Sendable {
        let milliseconds = Mutex<Int64>(1_795_977_000_000)
        func advance(_ by: Int64) { milliseconds.withLock { $0 += by } }
        var now: Timestamp { Timestamp(millisecondsSince1970: milliseconds.withLock { $0 }) }
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
        #expect(await limiter.admit(account: "a", messages: 10) == .admitted)
        #expect(await limiter.admit(account: "a", messages: 1) == .refused(retryAfter: .milliseconds(100)))
        clock.advance(100)
        #expect(await limiter.admit(account: "a", messages: 1) == .admitted)
        #expect(await limiter.admit(account: "a", messages: 2) == .refused(retryAfter: .milliseconds(200)))
    }

    @Test("SMPP submits and HTTP requests spend the same budget")
    func shared() async {
        let clock = ManualClock()
        let limiter = Self.limiter(throughput: 5, clock: clock)
        for _ in 0..<3 { #expect(await limiter.admit(account: "a")) }  // three submit_sm
        #expect(await limiter.admit(account: "a", messages: 3) == .refused(retryAfter: .milliseconds(200)))
        #expect(await limiter.admit(account: "a", messages: 2) == .admitted)
        #expect(await !limiter.admit(account: "a"))
    }

    @Test("a request larger than the bucket goes into a full bucket and leaves it in debt")
    func largeBatch() async {
        let clock = ManualClock()
        let limiter = Self.limiter(throughput: 10, clock: clock)
        #expect(await limiter.admit(account: "a", messages: 30) == .admitted)   // 10 tokens - 30 = -20
        #expect(await limiter.admit(account: "a", messages: 1) == .refused(retryAfter: .milliseconds(2100)))
        clock.advance(3000)                                                       // back to 10 (capped)
        #expect(await limiter.admit(account: "a", messages: 30) == .admitted)
        #expect(await limiter.admit(account: "a", messages: 30) == .refused(retryAfter: .seconds(3)))
    }

    @Test("an account not in the configuration is refused")
    func unknown() async {
        let limiter = Self.limiter(throughput: 10, clock: ManualClock())
        #expect(await limiter.admit(account: "nobody", messages: 1) == .refused(retryAfter: .seconds(1)))
    }
}
