import Testing
import WatchdogPolicy

@Suite("Watchdog box verdict and modem watch")
struct BoxWatchTests {
    static let settings = DaemonWatchTests.settings
    static let thresholds = BoxThresholds(minimumFreeDisk: 64 << 20, minimumFreeMemory: 16 << 20)
    static let sound = BoxReading(storeWritable: true, integrity: "ok", diskFreeBytes: 1 << 30, memoryAvailableBytes: 1 << 30)

    /// A daemon restarted `count` times (each: silent 15 s, then back under a new pid).
    static func restarted(_ count: Int) -> DaemonWatch {
        var watch = DaemonWatch(daemon: .queued)
        var time: Int64 = 0
        var pid: Int32 = 100
        _ = watch.observe(DaemonWatchTests.fine(pid), at: time, settings: settings)
        for _ in 0..<count {
            time += 1_000
            _ = watch.observe(.silent("x"), at: time, settings: settings)
            time += 15_000
            _ = watch.observe(.silent("x"), at: time, settings: settings)
            pid += 1
            time += 1_000
            _ = watch.observe(DaemonWatchTests.fine(pid), at: time, settings: settings)
        }
        return watch
    }

    @Test("restart_limit (3) restarts within the hour: still fed; the fourth stops the feeding, once")
    func restartLimit() {
        var box = BoxWatch()
        #expect(box.observe(Self.sound, daemons: [Self.restarted(3)], at: 60_000, settings: Self.settings, thresholds: Self.thresholds).isEmpty)
        #expect(box.feeding)
        let actions = box.observe(Self.sound, daemons: [Self.restarted(4)], at: 70_000, settings: Self.settings, thresholds: Self.thresholds)
        #expect(actions.map(\.step) == [.stopFeeding])
        #expect(!box.feeding)
        // Latched, and not repeated.
        #expect(box.observe(Self.sound, daemons: [], at: 80_000, settings: Self.settings, thresholds: Self.thresholds).isEmpty)
        #expect(!box.feeding)
    }

    /// One failed write is a blip (a busy lock); unwritable for health_timeout is the end.
    @Test("store unwritable for health_timeout stops the feeding; a blip does not")
    func unwritableStore() {
        var box = BoxWatch()
        var reading = Self.sound
        reading.storeWritable = false
        #expect(box.observe(reading, daemons: [], at: 0, settings: Self.settings, thresholds: Self.thresholds).isEmpty)
        #expect(box.observe(Self.sound, daemons: [], at: 5_000, settings: Self.settings, thresholds: Self.thresholds).isEmpty)
        #expect(box.observe(reading, daemons: [], at: 10_000, settings: Self.settings, thresholds: Self.thresholds).isEmpty)
        #expect(box.problems == ["store not writable"])
        let actions = box.observe(reading, daemons: [], at: 25_000, settings: Self.settings, thresholds: Self.thresholds)
        #expect(actions.map(\.step) == [.stopFeeding])
    }

    @Test("a failed quick_check stops the feeding at once")
    func integrityFailure() {
        var box = BoxWatch()
        var reading = Self.sound
        reading.integrity = "*** in database main *** Page 7: btreeInitPage() returns error code 11"
        #expect(box.observe(reading, daemons: [], at: 0, settings: Self.settings, thresholds: Self.thresholds).map(\.step) == [.stopFeeding])
    }

    /// A reboot frees neither disk nor memory: degraded, still fed.
    @Test("low disk and memory degrade the box but keep it fed")
    func lowResources() {
        var box = BoxWatch()
        let reading = BoxReading(storeWritable: true, integrity: nil, diskFreeBytes: 10 << 20, memoryAvailableBytes: 1 << 20)
        #expect(box.observe(reading, daemons: [], at: 0, settings: Self.settings, thresholds: Self.thresholds).isEmpty)
        #expect(box.feeding)
        #expect(box.problems == ["disk: 10485760 bytes free, under 67108864", "memory: 1048576 bytes available, under 16777216"])
    }

    @Test("a modem not ready for modem_hang_timeout is power-cycled, then left to settle")
    func modemPowerCycle() {
        var watch = ModemWatch(modem: "m2")
        var cycles: [Int64] = []
        for time in stride(from: Int64(0), through: 120_000, by: 5_000) {
            let state = time == 0 ? "ready" : "hung"
            if !watch.observe(state: state, at: time, settings: Self.settings).isEmpty { cycles.append(time) }
        }
        // Hung from 5 s: cycled at 35 s; then not before 35 + 23 + 30 = 88 s → 90 s.
        #expect(cycles == [35_000, 90_000])
    }

    @Test("resetting and ready modems are left alone")
    func modemResetting() {
        var watch = ModemWatch(modem: "m1")
        for time in stride(from: Int64(0), through: 120_000, by: 5_000) {
            #expect(watch.observe(state: time % 10_000 == 0 ? "resetting" : "ready", at: time, settings: Self.settings).isEmpty)
        }
    }

    @Test("a power cycle by modemd's own ladder is recorded once, and the modem is left to boot under it")
    func modemdOwnPowerCycle() {
        var watch = ModemWatch(modem: "m2")
        // (time, state, modemd's ladder_power_cycles): ready; hung; modemd cycles it at 15 s;
        // it boots (initializing) well past modem_hang_timeout (30 s) and is ready at 70 s.
        let turns: [(Int64, String, Int)] = [(0, "ready", 0), (5_000, "hung", 0), (10_000, "hung", 0), (15_000, "resetting", 1),
                                              (20_000, "initializing", 1), (50_000, "initializing", 1), (70_000, "ready", 1)]
        var actions: [(Int64, EscalationAction)] = []
        for (time, state, cycles) in turns {
            for action in watch.observe(state: state, powerCycles: cycles, lastError: "AT+CSQ timed out", at: time,
                                        settings: Self.settings) {
                actions.append((time, action))
            }
        }
        #expect(actions.count == 1)
        #expect(actions.first?.0 == 15_000)
        #expect(actions.first?.1.step == .powerCycle)
        #expect(actions.first?.1.doneBy == "done by modemd: 1 power cycle (1 since modemd started)")
        #expect(actions.first?.1.reason == "modemd power-cycled modem m2 itself (its ladder, or an operator's request) (AT+CSQ timed out)")
    }

    @Test("the first count seen, and a lower one (modemd restarted), are baselines, not cycles")
    func modemdCounterBaseline() {
        var watch = ModemWatch(modem: "m3")
        #expect(watch.observe(state: "ready", powerCycles: 4, at: 0, settings: Self.settings).isEmpty)
        #expect(watch.observe(state: "ready", powerCycles: 0, at: 5_000, settings: Self.settings).isEmpty)
        #expect(watch.observe(state: "ready", powerCycles: 1, at: 10_000, settings: Self.settings).count == 1)
    }

    @Test("watchdogd's own power cycle shows in modemd's counter too: recorded once, as watchdogd's")
    func ownPowerCycleNotRecordedTwice() {
        var watch = ModemWatch(modem: "m4")
        var steps: [String] = []
        // Hung from 5 s; watchdogd cycles it at 35 s; modemd's counter shows that cycle at 40 s.
        for time in stride(from: Int64(0), through: 60_000, by: 5_000) {
            let cycles = time >= 40_000 ? 1 : 0
            for action in watch.observe(state: time == 0 ? "ready" : "hung", powerCycles: cycles, at: time, settings: Self.settings) {
                steps.append("\(time) \(action.doneBy == nil ? "asked" : "recorded")")
            }
        }
        #expect(steps == ["35000 asked"])
    }
}
