import Testing
@testable import GatewayCore
@testable import GatewayConfig

/// `[delivery]`, `[inbound]`, the SMPP session timers and `accounts[].window`; the outbox
/// back-off and the throughput token bucket.
@Suite("Upstream delivery settings")
struct UpstreamDeliverySettingsTests {
    static let account = "[[accounts]]\nid = \"shop\"\nsmpp = { system_id = \"shop\", password = \"\(ConfigurationFixtures.passwordHash)\" }\n"

    static func load(_ extra: String) -> GatewayConfiguration? {
        ConfigurationLoader.report(ConfigurationFixtures.minimal(extra), file: "t.toml",
                                   environment: ConfigurationFixtures.environment).configuration
    }

    @Test func defaultsWhenAbsent() throws {
        let configuration = try #require(Self.load(Self.account))
        #expect(configuration.delivery == DeliverySettings(retryDelay: .seconds(5), retryDelayMax: .seconds(600), maxAttempts: 20))
        #expect(configuration.inbound == InboundSettings(defaultAccount: nil, replyWindow: .seconds(7 * 86400)))
        #expect(configuration.listeners.smppTimers == SMPPSessionTimers(enquireLinkInterval: .seconds(30), inactivityTimeout: .seconds(120)))
        #expect(configuration.accounts.first?.window == 50)
    }

    @Test func keysAreRead() throws {
        let configuration = try #require(Self.load("""
            [listeners.smpp]
            enquire_link_interval = "10s"
            inactivity_timeout = "45s"
            [inbound]
            default_account = "shop"
            reply_window = "2d"
            [delivery]
            retry_delay = "1s"
            retry_delay_max = "1m"
            max_attempts = 5
            [[accounts]]
            id = "shop"
            window = 10
            smpp = { system_id = "shop", password = "\(ConfigurationFixtures.passwordHash)" }

            """))
        #expect(configuration.listeners.smppTimers == SMPPSessionTimers(enquireLinkInterval: .seconds(10), inactivityTimeout: .seconds(45)))
        #expect(configuration.inbound == InboundSettings(defaultAccount: "shop", replyWindow: .seconds(2 * 86400)))
        #expect(configuration.delivery == DeliverySettings(retryDelay: .seconds(1), retryDelayMax: .seconds(60), maxAttempts: 5))
        #expect(configuration.accounts.first?.window == 10)
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var rule: String
        var extra: String
        var problem: String
        var testDescription: String { rule }
    }

    @Test(arguments: [
        // A default account must exist: a typo would silently keep every MO in the store.
        Vector(rule: "unknown default account", extra: "[inbound]\ndefault_account = \"nobody\"\n",
               problem: "17:1: inbound.default_account: names no [[accounts]] entry: \"nobody\""),
        // Probing after the peer is already declared dead would never probe.
        Vector(rule: "timeout not after interval", extra: "[listeners.smpp]\nenquire_link_interval = \"60s\"\ninactivity_timeout = \"60s\"\n",
               problem: "listeners.smpp.inactivity_timeout: inactivity_timeout (1m) must be longer than enquire_link_interval (1m)"),
        // A first delay above the cap would make the doubling meaningless.
        Vector(rule: "delay above its maximum", extra: "[delivery]\nretry_delay = \"20m\"\n",
               problem: "delivery.retry_delay: retry_delay (20m) is longer than retry_delay_max (10m)"),
        // window 0 would refuse every submit.
        Vector(rule: "window zero", extra: "[[accounts]]\nid = \"a\"\nwindow = 0\nsmpp = { system_id = \"a\", password = \"\(ConfigurationFixtures.passwordHash)\" }\n",
               problem: "18:1: accounts[0].window: must be 1 to 1000, found 0"),
    ])
    func refused(vector: Vector) {
        let problems = ConfigurationFixtures.problems(ConfigurationFixtures.minimal(vector.extra))
        #expect(problems.contains { $0.hasSuffix(vector.problem) }, "\(problems)")
    }

    /// 5 s doubling: 5, 10, 20, 40, … capped at 10 min; none once max_attempts were made.
    @Test func backOffDoublesToItsCapThenGivesUp() {
        let settings = DeliverySettings(retryDelay: .seconds(5), retryDelayMax: .seconds(600), maxAttempts: 20)
        #expect(settings.backOff(afterAttempt: 1) == .seconds(5))
        #expect(settings.backOff(afterAttempt: 2) == .seconds(10))
        #expect(settings.backOff(afterAttempt: 4) == .seconds(40))
        #expect(settings.backOff(afterAttempt: 8) == .seconds(600))  // 640 s capped
        #expect(settings.backOff(afterAttempt: 19) == .seconds(600))
        #expect(settings.backOff(afterAttempt: 20) == nil)
        #expect(DeliverySettings(retryDelay: .seconds(1), retryDelayMax: .seconds(1), maxAttempts: 1).backOff(afterAttempt: 1) == nil)
    }

    /// 10/s: a burst of 10 at once, then one per 100 ms; time going backwards adds nothing.
    @Test func tokenBucketAdmitsItsRate() {
        var bucket = TokenBucket(perSecond: 10)
        let start = Timestamp(millisecondsSince1970: 1_000_000)
        #expect((0..<12).filter { _ in bucket.take(now: start) }.count == 10)
        #expect(bucket.take(now: start + .milliseconds(99)) == false)
        #expect(bucket.take(now: start + .milliseconds(100)) == true)
        #expect(bucket.take(now: start + .milliseconds(50)) == false)
        #expect((0..<30).filter { _ in bucket.take(now: start + .seconds(60)) }.count == 10)  // never above one second's worth
    }
}

@Suite("Exponential back-off")
struct ExponentialBackoffTests {
    @Test("doubles from the first wait, stops at the limit, counts attempt 0 as 1, never overflows")
    func doubling() {
        let backoff = ExponentialBackoff(first: .seconds(5), limit: .seconds(600))
        #expect((0...9).map { backoff.delay(afterAttempt: $0) }
            == [5, 5, 10, 20, 40, 80, 160, 320, 600, 600].map { Duration.seconds($0) })
        #expect(backoff.delay(afterAttempt: Int.max) == .seconds(600))
        #expect(ExponentialBackoff(first: .seconds(9), limit: .seconds(4)).delay(afterAttempt: 3) == .seconds(4))
    }
}
