import GatewayDaemon
import GatewayTestSupport
import GatewayTime
import Testing

/// The manual clock the loops' in-process tests stand on, and the `Ticker` waiting on it: a
/// sleeper wakes when an advance reaches its deadline and not before, a cancelled one throws,
/// and a ticker ticks once per interval of the clock's time.
@Suite("ManualClock and a Ticker on it", .timeLimit(.minutes(1)))
struct ManualClockTests {
    static let start = Timestamp(secondsSince1970: 1_772_445_600)

    /// Wall and monotonic time move together, only on `advance`.
    @Test func movesOnlyWhenAdvanced() {
        let clock = ManualClock(start: Self.start)
        #expect(clock.now() == Self.start && clock.monotonic() == .zero)
        clock.advance(by: .milliseconds(1_500))
        #expect(clock.now() == Self.start + .milliseconds(1_500) && clock.monotonic() == .milliseconds(1_500))
        clock.advance(to: Self.start + .seconds(10))
        #expect(clock.now() == Self.start + .seconds(10) && clock.monotonic() == .seconds(10))
        clock.advance(to: Self.start)  // the past: no move
        #expect(clock.monotonic() == .seconds(10))
    }

    /// A sleep of 5 s wakes at the advance that reaches +5 s (a millisecond short does not).
    @Test func aSleeperWakesAtItsDeadline() async throws {
        let clock = ManualClock(start: Self.start)
        let woke = Tally()
        let sleeper = Task {
            try await clock.sleep(for: .seconds(5))
            await woke.add()
        }
        try await Self.sleepers(1, on: clock)
        clock.advance(by: .milliseconds(4_999))
        #expect(clock.sleeperCount == 1)
        #expect(await woke.count == 0)
        clock.advance(by: .milliseconds(1))
        try await sleeper.value
        #expect(await woke.count == 1 && clock.sleeperCount == 0)
    }

    /// Cancelling a sleeping task ends its sleep with `CancellationError`; a sleep of zero returns at once.
    @Test func cancellationEndsASleep() async throws {
        let clock = ManualClock(start: Self.start)
        try await clock.sleep(for: .zero)
        let sleeper = Task { try await clock.sleep(for: .seconds(60)) }
        try await Self.sleepers(1, on: clock)
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    /// A `Ticker` every 2 s ticks at once, then once each time the clock passes another 2 s.
    @Test func aTickerTicksOnItsClock() async throws {
        let clock = ManualClock(start: Self.start)
        let ticks = Tally()
        let ticker = Task { try await Ticker(every: .seconds(2), clock: clock) { await ticks.add() }.run() }
        for expected in 1...3 {
            try await Self.sleepers(1, on: clock)
            #expect(await ticks.count == expected)
            clock.advance(by: .milliseconds(1_999))
            #expect(await ticks.count == expected)
            clock.advance(by: .milliseconds(1))
        }
        ticker.cancel()
        try await ticker.value
        #expect(await ticks.count >= 3)
    }
}

extension ManualClockTests {
    /// Waits (polling, at most 10 s of real time) until `count` tasks sleep on `clock`.
    static func sleepers(_ count: Int, on clock: ManualClock) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while clock.sleeperCount < count {
            guard ContinuousClock.now < deadline else { throw CancellationError() }
            try await Task.sleep(for: .milliseconds(1))
        }
    }
}

/// Counts what happened, across tasks.
private actor Tally {
    private(set) var count = 0
    func add() { count += 1 }
}
