import GatewayCore
import GatewayIPC
import GatewayStore
import Testing
@testable import QueuedDaemon
@testable import SimdDaemon

/// simd's rotation loop in process with a manual clock (docs/simd.md, "The loop"): one modem
/// with two SIMs, `m1-a` on air in slot 0. What waits for time — a full SIM until its local
/// window resets, a rotated SIM's cool-down, a stint's length, a modem stuck not ready, the
/// next balance check — ends exactly when the clock passes it. Each turn is run by hand.
@Suite("simd's rotation loop in process")
struct RotatorTests {
    /// Europe/Amsterdam, 15 January (CET, UTC+1): 22:30 local; local midnight is 23:00Z.
    static let evening = instant("2026-01-15T21:30:00Z")
    static let localMidnight = instant("2026-01-15T23:00:00Z")

    /// Both SIMs reach their daily limit of 5 in the evening: `m1-a` rotates off, `m1-b` goes
    /// on, then nothing may be on air and the modem is paused in queued. Both rest until local
    /// midnight (23:00Z), not UTC's: a second before it the modem is still paused and each SIM's
    /// day shows 5 sent; at it the day's counters read 0 and the modem is resumed on `m1-b`.
    @Test func aFullDayResetsAtLocalMidnight() async throws {
        let loop = try await RotationLoop(start: Self.evening, zone: "Europe/Amsterdam",
                                          simKeys: "per_hour = 5\nper_day = 5\nper_month = 1000")
        await loop.turn()
        #expect(try await loop.record("m1-a")?.state == .active)
        try await loop.charge("m1-a", 5)
        await loop.turn()
        #expect(await loop.modemd.switches.map(\.slot) == [1])
        let full = try #require(try await loop.record("m1-a"))
        #expect(full.state == .cooling && full.reason == "day limit reached" && full.coolingUntil == Self.localMidnight, "\(full)")
        try await loop.charge("m1-b", 5)
        await loop.turn()
        #expect(await loop.queued.pausedModems == ["m1"], "not paused with every SIM full")
        #expect(try await loop.record("m1-b")?.coolingUntil == Self.localMidnight)

        loop.clock.advance(to: Self.localMidnight - .seconds(1))
        await loop.turn()
        #expect(await loop.queued.pausedModems == ["m1"], "resumed before local midnight")
        #expect(try await loop.status().map(\.sentDay) == [5, 5])

        loop.clock.advance(to: Self.localMidnight)
        await loop.turn()
        #expect(await loop.queued.pausedModems.isEmpty, "still paused after local midnight")
        #expect(try await loop.record("m1-b")?.state == .active)
        let sims = try await loop.status()
        #expect(sims.map(\.sentDay) == [0, 0])
        #expect(sims.map(\.sentMonth) == [5, 5], "the month window is January's, local")
        #expect(await loop.modemd.switches.count == 1)
    }

    /// `rotate_after = 1h` (no jitter), `cooldown_after_rotation = 90m`: `m1-a` leaves after
    /// exactly an hour on air and rests 90 minutes; `m1-b`'s stint ends an hour later, but with
    /// `m1-a` still resting it keeps the air (a stint's end never idles a modem); `m1-a` comes
    /// back the moment its cool-down ends.
    @Test func aStintAgesAndACoolDownEnds() async throws {
        let start = instant("2026-03-02T10:00:00Z")
        let loop = try await RotationLoop(start: start, group: """
            rotate_after = "1h"
            rotate_jitter_percent = 0
            cooldown_after_rotation = "90m"
            """)
        await loop.turn()
        loop.clock.advance(to: start + .milliseconds(3_599_999))
        await loop.turn()
        #expect(await loop.modemd.switches.isEmpty, "rotated before the stint's hour")
        loop.clock.advance(by: .milliseconds(1))
        await loop.turn()
        #expect(await loop.modemd.switches.map(\.slot) == [1])
        #expect(try await loop.record("m1-a")?.coolingUntil == start + .seconds(3600 + 5400))

        loop.clock.advance(to: start + .seconds(2 * 3600))
        await loop.turn()
        #expect(await loop.modemd.switches.count == 1, "m1-b left the air with no SIM to take it")
        #expect(try await loop.record("m1-b")?.state == .active)
        #expect(await loop.queued.pausedModems.isEmpty)

        loop.clock.advance(to: start + .seconds(3600 + 5400) - .milliseconds(1))
        await loop.turn()
        #expect(await loop.modemd.switches.count == 1, "m1-a back before its cool-down ended")
        loop.clock.advance(by: .milliseconds(1))
        await loop.turn()
        #expect(await loop.modemd.switches.map(\.slot) == [1, 0])
        let back = try #require(try await loop.record("m1-a"))
        #expect(back.state == .active && back.onAirSince == start + .seconds(3600 + 5400), "\(back)")
    }

    /// A modem that stays `initializing` on its SIM (a barred SIM never registers) is planned
    /// for anyway after `stuckAfter`: a millisecond before, nothing happens; at it, the SIM is
    /// marked `missing` (tried again after `missingRetry`) and the other goes on air.
    @Test func aModemStuckOnItsSIMGetsTheOther() async throws {
        let start = instant("2026-03-02T10:00:00Z")
        var timings = SimdTimings()
        timings.stuckAfter = .seconds(60)
        timings.missingRetry = .seconds(600)
        let loop = try await RotationLoop(start: start, timings: timings)
        await loop.turn()
        await loop.modemd.change("m1") { $0.state = ModemState.initializing.rawValue; $0.registration = 3 }
        await loop.turn()
        loop.clock.advance(by: .milliseconds(59_999))
        await loop.turn()
        #expect(await loop.modemd.switches.isEmpty, "switched before the modem was stuck for 60 s")
        loop.clock.advance(by: .milliseconds(1))
        await loop.turn()
        #expect(await loop.modemd.switches.map(\.slot) == [1])
        let missing = try #require(try await loop.record("m1-a"))
        #expect(missing.state == .missing && missing.coolingUntil == start + .seconds(660), "\(missing)")
        #expect(missing.reason.contains("not ready"), "\(missing.reason)")
        #expect(try await loop.record("m1-b")?.state == .active)
    }

    /// Three sends in a row failed with CMS 21 on the SIM on air (K = 3): it is quarantined
    /// with its evidence, and queued is told to start nothing more on it (by ICCID) before the
    /// modem is paused for the switch to the other SIM.
    @Test func aBarredSIMIsQuarantinedPromptly() async throws {
        let start = instant("2026-03-02T10:00:00Z")
        let loop = try await RotationLoop(start: start, group: "block_detection = { failures_in_a_row = 3 }")
        await loop.turn()
        loop.clock.advance(by: .seconds(1))
        let attempts = try await loop.charge("m1-a", 3)
        let database = try loop.scratch.database(now: loop.clock.now())
        for attempt in try database.connection.query(
            "SELECT id FROM attempts WHERE message_id IN (\(attempts.map(String.init).joined(separator: ",")))", row: { $0.int64(0) }) {
            try await loop.queueStore.failFinally(attempt, errorCode: 21, detail: "permanent: +CMS ERROR: 21", now: loop.clock.now())
        }
        await loop.turn()
        let barred = try #require(try await loop.record("m1-a"))
        #expect(barred.state == .quarantined)
        #expect(barred.reason.hasPrefix("3 sends in a row failed with barring causes (CMS 21"), "\(barred.reason)")
        #expect(barred.evidence?.contains(#""kind":"barring_failures""#) == true)
        let requests = await loop.queued.requests
        let iccid = FakeModemd.iccid(modem: 1, slot: 0)
        let pauseSIM = try #require(requests.firstIndex { if case .pauseSIM(iccid) = $0 { true } else { false } })
        let pauseModem = try #require(requests.firstIndex { if case .pauseModem("m1") = $0 { true } else { false } })
        #expect(pauseSIM < pauseModem, "\(requests)")
        #expect(await loop.modemd.switches.map(\.slot) == [1])
    }

    /// `balance_interval = 1h`: the SIM on air is asked at once, not again a millisecond before
    /// the hour, and again at it; each answer is stored with the clock's time.
    @Test func aBalanceCheckComesAgainAfterItsInterval() async throws {
        let start = instant("2026-03-02T10:00:00Z")
        let loop = try await RotationLoop(start: start, group: "balance_ussd = \"*100#\"\nbalance_interval = \"1h\"")
        await loop.turn()
        #expect(await loop.modemd.ussdCalls == ["m1"])
        #expect(try await loop.store.balances()["m1-a"]?.checkedAt == start)
        loop.clock.advance(to: start + .milliseconds(3_599_999))
        await loop.turn()
        #expect(await loop.modemd.ussdCalls.count == 1, "asked again within the interval")
        await loop.modemd.setUSSDAnswer("Balance: 7,50 RON")
        loop.clock.advance(by: .milliseconds(1))
        await loop.turn()
        #expect(await loop.modemd.ussdCalls.count == 2)
        let balance = try #require(try await loop.store.balances()["m1-a"])
        #expect(balance.checkedAt == start + .seconds(3600) && balance.text == "Balance: 7,50 RON" && balance.amount == "7.50")
        #expect(await loop.queued.pausedModems.isEmpty, "left paused after the check")
    }
}
