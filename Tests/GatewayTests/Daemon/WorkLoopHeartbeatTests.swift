import Synchronization
import SystemBridge
import Testing

/// A manual clock and a pet counter: the heartbeat's time is an input, so a stuck loop is a
/// loop the test does not beat (no sleeping, no product knob).
final class HeartbeatProbe: Sendable {
    let time = Atomic<Int64>(0)
    let pets = Atomic<Int>(0)
    let withheld = Mutex<[[String]]>([])

    func advance(seconds: Double) { time.add(Int64(seconds * 1e9), ordering: .relaxed) }

    func heartbeat(timeout: Duration?) -> WorkLoopHeartbeat {
        WorkLoopHeartbeat(
            watchdog: timeout.map(ServiceWatchdog.init(timeout:)),
            now: { self.time.load(ordering: .relaxed) },
            pet: { self.pets.add(1, ordering: .relaxed) },
            withheld: { stale in self.withheld.withLock { $0.append(stale) } })
    }
}

@Suite("WorkLoopHeartbeat: honest watchdog pets")
struct WorkLoopHeartbeatTests {
    /// WatchdogSec=30 → pet every 15 s: beats every second pet on the first beat and then once
    /// per 15 s, never more often.
    @Test func petsAtHalfTheTimeoutFromTheBeats() {
        let probe = HeartbeatProbe()
        let heartbeat = probe.heartbeat(timeout: .seconds(30))
        let lane = heartbeat.register("queue loop")
        #expect(heartbeat.beat(lane) == .petted)
        for _ in 0..<14 {
            probe.advance(seconds: 1)
            #expect(heartbeat.beat(lane) == .beat)
        }
        probe.advance(seconds: 1)
        #expect(heartbeat.beat(lane) == .petted)
        #expect(probe.pets.load(ordering: .relaxed) == 2)
    }

    /// Nothing pets by itself: with no beat for a whole minute there is no pet at all (no
    /// timer of its own), so systemd's WatchdogSec= expires.
    @Test func noBeatNoPet() {
        let probe = HeartbeatProbe()
        let heartbeat = probe.heartbeat(timeout: .seconds(2))
        _ = heartbeat.register("rotation loop")
        probe.advance(seconds: 60)
        #expect(probe.pets.load(ordering: .relaxed) == 0)
        #expect(heartbeat.staleLanes() == ["rotation loop"])
    }

    /// One of three modem loops is stuck: the other two keep beating, but past `staleAfter`
    /// (half the timeout) their beats withhold the pet and name the stuck loop, once per pet
    /// interval, until it turns again.
    @Test func aStuckLoopAmongOthersStopsThePets() {
        let probe = HeartbeatProbe()
        let heartbeat = probe.heartbeat(timeout: .seconds(10))
        let lanes = ["modem m1", "modem m2", "modem m3"].map(heartbeat.register)
        for lane in lanes { heartbeat.beat(lane) }
        #expect(probe.pets.load(ordering: .relaxed) == 1)
        // m2 hangs; m1 and m3 turn every 100 ms for 20 s.
        for _ in 0..<200 {
            probe.advance(seconds: 0.1)
            heartbeat.beat(lanes[0])
            heartbeat.beat(lanes[2])
        }
        // A pet at 5 s (m2 was 5 s old: not yet stale), none after.
        #expect(probe.pets.load(ordering: .relaxed) == 2)
        #expect(probe.withheld.withLock { $0 }.allSatisfy { $0 == ["modem m2"] })
        #expect(probe.withheld.withLock { $0.count } == 3)  // at ~10, 15, 20 s: once per interval
        #expect(heartbeat.staleLanes() == ["modem m2"])
        // m2 turns again: its own beat finds every lane fresh and the pet due.
        #expect(heartbeat.beat(lanes[1]) == .petted)
        #expect(probe.pets.load(ordering: .relaxed) == 3)
    }

    /// Without a watchdog (not under systemd, or WatchdogSec= unset) beats are recorded for
    /// health answers and nothing is ever sent.
    @Test func withoutAWatchdogBeatsOnlyRecord() {
        let probe = HeartbeatProbe()
        let heartbeat = probe.heartbeat(timeout: nil)
        let lane = heartbeat.register("group commit loop")
        #expect(heartbeat.beat(lane) == .beat)
        probe.advance(seconds: 6)
        #expect(heartbeat.staleLanes() == ["group commit loop"])  // 5 s default
        #expect(probe.pets.load(ordering: .relaxed) == 0)
    }

    /// Beats from many threads at once count every pet exactly once per interval.
    @Test func concurrentBeatsPetOncePerInterval() async {
        let probe = HeartbeatProbe()
        let heartbeat = probe.heartbeat(timeout: .seconds(1))
        let lanes = (0..<8).map { heartbeat.register("loop \($0)") }
        await withTaskGroup(of: Void.self) { group in
            for lane in lanes { group.addTask { for _ in 0..<1_000 { heartbeat.beat(lane) } } }
        }
        #expect(probe.pets.load(ordering: .relaxed) == 1)  // the clock never moved
    }
}
