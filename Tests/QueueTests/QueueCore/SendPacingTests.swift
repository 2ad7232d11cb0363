import GatewayTestSupport
import QueueCore
import Testing

/// "Human" pacing: cooldown + 0 ... send_jitter, drawn from an injected generator.
@Suite("Send pacing")
struct SendPacingTests {
    @Test func jitterStaysInBoundsAndSpreads() {
        let pacing = SendPacing(jitter: .seconds(3))
        var random = SeededRandom(seed: 7)
        var gaps: Set<Duration> = []
        for _ in 0..<10_000 {
            let gap = pacing.gap(cooldown: .seconds(5), using: &random)
            #expect(gap >= .seconds(5) && gap <= .seconds(8))
            gaps.insert(gap)
        }
        // Millisecond resolution over 3 s: thousands of distinct gaps, both ends reachable.
        #expect(gaps.count > 2_500)
        #expect(gaps.contains { $0 < .milliseconds(5_100) } && gaps.contains { $0 > .milliseconds(7_900) })
    }

    /// The same seed gives the same gaps: a test run reproduces.
    @Test func seededIsReproducible() {
        let pacing = SendPacing(jitter: .seconds(3))
        var first = SeededRandom(seed: 9), second = SeededRandom(seed: 9)
        let a = (0..<20).map { _ in pacing.gap(cooldown: .zero, using: &first) }
        let b = (0..<20).map { _ in pacing.gap(cooldown: .zero, using: &second) }
        #expect(a == b)
    }

    @Test func noJitterIsTheCooldown() {
        var random = SeededRandom(seed: 1)
        #expect(SendPacing(jitter: .zero).gap(cooldown: .seconds(5), using: &random) == .seconds(5))
    }
}
