import GatewayCore
import GatewayDaemon
import GatewayStore
import Testing
@testable import QueuedDaemon

/// queued's work loop in process with a manual clock (docs/queued.md, "The work loop"): what
/// waits for time — a retry's back-off, a SIM's pacing gap, a message's validity, quiet hours —
/// waits exactly until the clock passes it, and no longer. Each turn is run by hand.
@Suite("queued's work loop in process")
struct DispatcherTests {
    static let start = instant("2026-03-02T10:00:00Z")

    /// A temporary failure (`+CMS ERROR: 42`, congestion) is retried after `retry_delay`, the
    /// next after twice that: nothing is sent a millisecond before either, and the attempt goes
    /// at once when the clock reaches it.
    @Test func retryWaitsOutItsBackOff() async throws {
        let loop = try await QueueLoop(start: Self.start, queue: """
            retry_delay = "30s"
            retry_delay_max = "10m"
            max_attempts = 3
            """)
        let id = try #require(try loop.accept([LoopScratch.message(to: "+31612345678", expiresAt: Self.start + .seconds(86_400))]).first)
        await loop.modemd.answerNextSends([QueueLoop.failure(cms: 42, "temporary"), QueueLoop.failure(cms: 42, "temporary")])

        #expect(await loop.turn().count == 1)
        loop.clock.advance(by: .milliseconds(29_999))
        #expect(await loop.turn().isEmpty, "retried before its back-off of 30 s")
        loop.clock.advance(by: .milliseconds(1))
        #expect(await loop.turn().count == 1)
        loop.clock.advance(by: .milliseconds(59_999))
        #expect(await loop.turn().isEmpty, "retried before its back-off of 60 s")
        loop.clock.advance(by: .milliseconds(1))
        #expect(await loop.turn().count == 1)
        await loop.turn()  // records the `sent` answer gathered in the turn before

        #expect(try loop.attemptStarts(of: id) == [Self.start, Self.start + .seconds(30), Self.start + .seconds(90)])
        #expect(try loop.state(of: id) == "sent")
        #expect(await loop.modemd.ledger.count == 1)
    }

    /// A SIM's `cooldown` is a gap after each send, counted from the end of the send (here the
    /// send takes 5 s): the next message on that SIM goes 20 s after modemd answered, not 20 s
    /// after the send began.
    @Test func pacingGapRunsFromTheEndOfTheSend() async throws {
        let loop = try await QueueLoop(start: Self.start, simKeys: #"cooldown = "20s""#)
        await loop.modemd.setSendDuration(.seconds(5), on: loop.clock)
        let ids = try loop.accept(LoopScratch.destinations(2).map {
            LoopScratch.message(to: $0, expiresAt: Self.start + .seconds(86_400))
        })
        #expect(await loop.turn().map(\.messageID) == [ids[0]])
        #expect(await loop.turn().isEmpty, "no gap after the first send")  // records the answer; the gap runs
        loop.clock.advance(to: Self.start + .milliseconds(24_999))
        #expect(await loop.turn().isEmpty, "the gap ran from the start of the send")
        loop.clock.advance(by: .milliseconds(1))
        #expect(await loop.turn().map(\.messageID) == [ids[1]])
        #expect(try loop.attemptStarts(of: ids[1]) == [Self.start + .seconds(25)])
        #expect(try loop.state(of: ids[0]) == "sent")
    }

    /// A message past its validity is never sent, and becomes `expired` at the first sweep
    /// after it — the sweep runs every `sweep_interval` of monotonic time, not every turn.
    @Test func expiresAtTheSweepAfterItsValidity() async throws {
        let loop = try await QueueLoop(start: Self.start, queue: #"sweep_interval = "10s""#)
        let id = try #require(try loop.accept([LoopScratch.message(to: "+31612345678", expiresAt: Self.start + .seconds(55))]).first)
        await loop.dispatcher.setPaused(modem: "m1", true)
        await loop.turn()  // the first turn sweeps
        loop.clock.advance(by: .seconds(50))
        await loop.turn()  // a sweep, 5 s before the validity ends
        #expect(try loop.state(of: id) == "queued")
        loop.clock.advance(by: .seconds(5))
        await loop.dispatcher.setPaused(modem: "m1", false)
        #expect(await loop.turn().isEmpty, "sent at the end of its validity")
        #expect(try loop.state(of: id) == "queued", "swept 5 s after the last sweep (every 10 s)")
        loop.clock.advance(by: .seconds(5))
        await loop.turn()  // the sweep, 10 s after the last
        #expect(try loop.state(of: id) == "expired")
        let detail = try loop.scratch.database(now: loop.clock.now()).connection.queryFirst(
            "SELECT detail FROM message_events WHERE message_id = ? AND state = 'expired'", id) { $0.text(0) }
        #expect(detail?.contains("validity") == true, "\(detail ?? "no history line")")
        #expect(await loop.modemd.ledger.isEmpty)
    }

    /// SIM limits count in the box's local calendar: in Europe/Amsterdam a daily limit of 2
    /// reached at 23:30 local resets at local midnight (23:00Z in winter), not at 00:00Z — the
    /// third message goes at 23:00Z, not a second earlier — and all three count in January's
    /// local month.
    @Test func aDailyLimitResetsAtLocalMidnight() async throws {
        let evening = instant("2026-01-15T22:30:00Z")  // 23:30 CET
        let loop = try await QueueLoop(start: evening, zone: "Europe/Amsterdam", simKeys: "per_hour = 2\nper_day = 2\nper_month = 1000")
        let ids = try loop.accept(LoopScratch.destinations(3).map { LoopScratch.message(to: $0, expiresAt: evening + .seconds(86_400)) })
        #expect(await loop.turn().map(\.messageID) == [ids[0]])
        #expect(await loop.turn().map(\.messageID) == [ids[1]])
        #expect(await loop.turn().isEmpty, "a third message on a SIM with a daily limit of 2")
        loop.clock.advance(to: instant("2026-01-15T22:59:59Z"))
        #expect(await loop.turn().isEmpty, "the day reset before local midnight")
        loop.clock.advance(to: instant("2026-01-15T23:00:00Z"))
        #expect(await loop.turn().map(\.messageID) == [ids[2]])
        let simID = try #require(try loop.scratch.database(now: loop.clock.now()).simID(iccid: FakeModemd.iccid(modem: 1, slot: 0)))
        let calendar = LocalCalendar(zone: try ZoneFile.rules(named: "Europe/Amsterdam"))
        let counts = try await loop.store.sentCounts(simIDs: [simID], at: loop.clock.now(), calendar: calendar)[simID]
        #expect(counts?.day == 1 && counts?.month == 3, "\(String(describing: counts))")
    }

    /// Quiet hours 21:00-08:00 in Europe/Amsterdam: a marketing message accepted at 21:30 local
    /// is held until 08:00 local (07:00Z in winter) and goes then, not a second earlier; a
    /// transactional one accepted with it goes at once.
    @Test func quietHoursHoldMarketingUntilTheirLocalEnd() async throws {
        let evening = instant("2026-01-15T20:30:00Z")  // 21:30 CET
        let loop = try await QueueLoop(start: evening, zone: "Europe/Amsterdam", queue: """
            quiet_hours = "21:00-08:00"
            sweep_interval = "1s"
            """)
        let expires = evening + .seconds(2 * 86_400)
        let ids = try loop.accept([LoopScratch.message(to: "+31611111111", .marketing, expiresAt: expires),
                                   LoopScratch.message(to: "+31622222222", .transactional, expiresAt: expires)])
        #expect(await loop.turn().map(\.messageID) == [ids[1]])
        #expect(await loop.turn().isEmpty)
        #expect(try loop.state(of: ids[0]) == "held")
        #expect(try loop.state(of: ids[1]) == "sent")

        loop.clock.advance(to: instant("2026-01-16T06:59:59Z"))
        #expect(await loop.turn().isEmpty, "sent in quiet hours")
        #expect(try loop.state(of: ids[0]) == "held")
        loop.clock.advance(by: .seconds(1))
        #expect(await loop.turn().map(\.messageID) == [ids[0]])
        #expect(try loop.attemptStarts(of: ids[0]) == [instant("2026-01-16T07:00:00Z")])
    }
}
