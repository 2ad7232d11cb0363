import SystemBridge
import Testing

/// `sd_watchdog_enabled(3)` semantics over the environment systemd sets.
@Suite("ServiceWatchdog from WATCHDOG_USEC / WATCHDOG_PID")
struct ServiceWatchdogTests {
    static let pid: Int32 = 4242

    @Test(arguments: [
        // WatchdogSec=30 as systemd writes it, for us.
        (["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "4242"], Duration?.some(.seconds(30))),
        // No WATCHDOG_PID: sd_watchdog_enabled accepts it (older managers, `systemd-run`).
        (["WATCHDOG_USEC": "2000000"], .some(.seconds(2))),
        // Inherited from a parent: the variables name another process.
        (["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"], nil),
        // Not set at all: not under a watchdog.
        ([:], nil),
        // Zero, negative, garbage and empty are "off", never a crash or a 0 s pet interval.
        (["WATCHDOG_USEC": "0"], nil),
        (["WATCHDOG_USEC": "-5"], nil),
        (["WATCHDOG_USEC": "30s"], nil),
        (["WATCHDOG_USEC": ""], nil),
        // A WATCHDOG_PID that is not a number is not ours.
        (["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "x"], nil),
        // Beyond Int64 microseconds: refused rather than overflowing.
        (["WATCHDOG_USEC": "18446744073709551615"], nil),
    ] as [([String: String], Duration?)])
    func parses(environment: [String: String], expected: Duration?) {
        #expect(ServiceWatchdog.from(environment: environment, pid: Self.pid)?.timeout == expected)
    }

    @Test func petsAtHalfTheTimeout() {
        #expect(ServiceWatchdog(timeout: .seconds(30)).petInterval == .seconds(15))
    }
}

@Suite("StatusLine")
struct StatusLineTests {
    /// Loops call `update` every turn; systemd hears only changes.
    @Test func sendsOnlyChanges() {
        let sent = HeartbeatProbe()
        let line = StatusLine(send: { _ in sent.pets.add(1, ordering: .relaxed) })
        #expect(line.update("3/8 modems ready"))
        #expect(!line.update("3/8 modems ready"))
        #expect(line.update("4/8 modems ready"))
        #expect(sent.pets.load(ordering: .relaxed) == 2)
        #expect(line.current == "4/8 modems ready")
    }
}
