import Testing
import WatchdogPolicy

/// The escalation ladder as vectors: observations at times in, actions out (no I/O, no clock).
@Suite("Watchdog escalation policy")
struct DaemonWatchTests {
    static let settings = PolicySettings(healthTimeout: 15_000, killAfter: 10_000, restartLimit: 3,
                                         modemHangTimeout: 30_000, modemSettleTime: 23_000)

    static func fine(_ pid: Int32, work: Int = 0, hasWork: Bool = false) -> DaemonObservation {
        .answered(DaemonReading(pid: pid, healthy: true, detail: "ok", hasWork: hasWork, workDone: work))
    }

    /// Feeds `(time, observation)` pairs and returns the steps taken at each time.
    static func run(_ daemon: WatchedDaemon, _ events: [(Int64, DaemonObservation)]) -> (DaemonWatch, [(Int64, EscalationStep, Int32?)]) {
        var watch = DaemonWatch(daemon: daemon)
        var steps: [(Int64, EscalationStep, Int32?)] = []
        for (time, observation) in events {
            for action in watch.observe(observation, at: time, settings: settings) { steps.append((time, action.step, action.pid)) }
        }
        return (watch, steps)
    }

    @Test("a healthy daemon is never escalated, whatever its counters do while it has no work")
    func healthyIsLeftAlone() {
        let (watch, steps) = Self.run(.queued, (0...20).map { (Int64($0) * 5_000, Self.fine(42)) })
        #expect(steps.isEmpty)
        #expect(watch.condition == .healthy)
    }

    /// The SIGSTOP case: queued stops answering; it cannot be asked to recover (silent), so after
    /// health_timeout it is terminated, and still the same pid kill_after later → SIGKILL.
    @Test("silent: SIGTERM after health_timeout, SIGKILL after kill_after, healthy again under a new pid")
    func silentDaemonIsRestarted() {
        let (watch, steps) = Self.run(.queued, [
            (0, Self.fine(42)), (5_000, .silent("timeout")), (10_000, .silent("timeout")),
            (19_999, .silent("timeout")), (20_000, .silent("timeout")), (25_000, .silent("timeout")),
            (30_000, .silent("timeout")), (35_000, Self.fine(77)),
        ])
        #expect(steps.map(\.1) == [.terminate, .kill])
        #expect(steps.map(\.0) == [20_000, 30_000])
        #expect(steps.map(\.2) == [42, 42])
        #expect(watch.condition == .healthy)
        #expect(watch.restartsWithinHour(now: 35_000) == 1)
    }

    /// A daemon that exits on SIGTERM and comes back is not killed.
    @Test("a new pid before kill_after ends the episode without SIGKILL")
    func cleanRestartNeedsNoKill() {
        let (_, steps) = Self.run(.simd, [
            (0, Self.fine(5)), (1_000, .silent("connect_failed")), (16_000, .silent("connect_failed")),
            (18_000, Self.fine(6)), (40_000, Self.fine(6)),
        ])
        #expect(steps.map(\.1) == [.terminate])
    }

    /// queued answers but says it is unhealthy: first rung is `recover`, at once; only then a restart.
    @Test("unhealthy but answering: recover first, terminate when it does not help")
    func recoverBeforeRestart() {
        let sick = DaemonObservation.answered(DaemonReading(pid: 9, healthy: false, detail: "work loop stalled"))
        let (_, steps) = Self.run(.queued, [(0, Self.fine(9)), (5_000, sick), (10_000, sick), (20_000, sick)])
        #expect(steps.map(\.1) == [.recover, .terminate])
        #expect(steps.map(\.0) == [5_000, 20_000])
    }

    @Test("recover that works: healthy again, nothing more")
    func recoverThatWorks() {
        let sick = DaemonObservation.answered(DaemonReading(pid: 9, healthy: false, detail: "stalled"))
        let (watch, steps) = Self.run(.queued, [(0, Self.fine(9)), (5_000, sick), (10_000, Self.fine(9)), (40_000, Self.fine(9))])
        #expect(steps.map(\.1) == [.recover])
        #expect(watch.condition == .healthy)
    }

    /// modemd does not take `recover`: an unhealthy modemd goes straight to a restart.
    @Test("no recover rung for daemons without one")
    func modemdSkipsRecover() {
        let sick = DaemonObservation.answered(DaemonReading(pid: 3, healthy: false, detail: "stalled: m1"))
        let (_, steps) = Self.run(.modemd, [(0, sick), (15_000, sick)])
        #expect(steps.map(\.1) == [.terminate])
    }

    /// Progress, not liveness: healthy answers, work waiting, the counter frozen.
    @Test("work waiting while the counter does not move for health_timeout is trouble")
    func stuckWork() {
        let (_, steps) = Self.run(.queued, [
            (0, Self.fine(4, work: 10, hasWork: true)), (5_000, Self.fine(4, work: 11, hasWork: true)),
            (10_000, Self.fine(4, work: 11, hasWork: true)), (19_999, Self.fine(4, work: 11, hasWork: true)),
            (20_000, Self.fine(4, work: 11, hasWork: true)), (35_000, Self.fine(4, work: 11, hasWork: true)),
        ])
        // Moved at 5 s; frozen 15 s at 20 s → recover; still frozen 15 s later → terminate.
        #expect(steps.map(\.1) == [.recover, .terminate])
        #expect(steps.map(\.0) == [20_000, 35_000])
    }

    @Test("a moving counter with work waiting is progress")
    func movingWork() {
        let (_, steps) = Self.run(.queued, (0...10).map { (Int64($0) * 5_000, Self.fine(4, work: $0, hasWork: true)) })
        #expect(steps.isEmpty)
    }

    /// Never answered (not started, or not part of this box): unknown, no escalation.
    @Test("a daemon never seen is not escalated")
    func unseenIsUnknown() {
        let (watch, steps) = Self.run(.ingressd, (0...10).map { (Int64($0) * 5_000, .silent("connect_failed")) })
        #expect(steps.isEmpty)
        #expect(watch.condition == .unknown)
    }

    /// Killed and never back: after another health_timeout the ladder starts again, with no pid
    /// (the restart is left to the supervisor and counted).
    @Test("killed and not back: another restart is counted without a pid")
    func killedAndGone() {
        var events: [(Int64, DaemonObservation)] = [(0, Self.fine(42))]
        events += stride(from: 5_000, through: 80_000, by: 5_000).map { (Int64($0), .silent("connect_failed")) }
        let (watch, steps) = Self.run(.queued, events)
        #expect(steps.map(\.1) == [.terminate, .kill, .terminate])
        #expect(steps.map(\.2) == [42, 42, nil])
        #expect(watch.restartsWithinHour(now: 80_000) == 2)
    }

    @Test("restarts older than an hour are forgotten")
    func restartWindow() {
        var (watch, _) = Self.run(.simd, [(0, Self.fine(1)), (1_000, .silent("x")), (16_000, .silent("x")), (17_000, Self.fine(2))])
        #expect(watch.restartsWithinHour(now: 17_000) == 1)
        // The restart at 16 s is an hour old at 3 616 s: forgotten (and pruned by the next observation).
        #expect(watch.restartsWithinHour(now: 3_615_999) == 1)
        _ = watch.observe(Self.fine(2), at: 3_616_000, settings: Self.settings)
        #expect(watch.restartsWithinHour(now: 3_616_000) == 0)
    }
}
