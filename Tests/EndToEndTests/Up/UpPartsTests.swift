import GatewayCore
import GatewayIPC
@testable import SmsgwctlCommands
import Testing
import GatewayConfig

/// The pure parts of `smsgwctl up`, `send` and `status`, in process.
@Suite struct UpPartsTests {
    /// sd_notify datagrams as daemons send them (ServiceNotifier) and as systemd reads them.
    @Test(arguments: [
        // What our daemons send at start: READY and STATUS in one datagram.
        ("READY=1\nSTATUS=8 modems", NotifyDatagram.expect(ready: true, status: "8 modems")),
        // A pet alone.
        ("WATCHDOG=1", NotifyDatagram.expect(ping: true)),
        // READY=0 is not ready; an unknown key and a line without "=" are ignored.
        ("READY=0\nFOO=bar\nnonsense\n", NotifyDatagram.expect()),
        // A status containing "=" keeps everything after the first one.
        ("STATUS=a=b", NotifyDatagram.expect(status: "a=b")),
        // WATCHDOG=trigger (systemd ≥ 243) and a new interval; WATCHDOG_USEC=0 is no interval.
        ("WATCHDOG=trigger\nWATCHDOG_USEC=3000000", NotifyDatagram.expect(trigger: true, micros: 3_000_000)),
        ("WATCHDOG_USEC=0\nSTOPPING=1", NotifyDatagram.expect(stopping: true)),
    ])
    func notifyDatagrams(text: String, expected: NotifyDatagram) {
        #expect(NotifyDatagram(bytes: Array(text.utf8)) == expected)
    }

    /// Back-off doubles per start within the interval, caps at the maximum, and the start limit
    /// gives up; old starts fall out of the interval.
    @Test func restartPolicy() {
        let policy = RestartPolicy(firstDelay: .milliseconds(100), maximumDelay: .milliseconds(350), burst: 4, interval: .seconds(10))
        #expect(policy.decide(starts: [.zero], now: .seconds(1)) == .restart(after: .milliseconds(100)))
        #expect(policy.decide(starts: [.zero, .seconds(1)], now: .seconds(2)) == .restart(after: .milliseconds(200)))
        // The third start within the interval would wait 400 ms: capped at 350.
        #expect(policy.decide(starts: [.zero, .seconds(1), .seconds(2)], now: .seconds(3)) == .restart(after: .milliseconds(350)))
        #expect(policy.decide(starts: [.zero, .seconds(1), .seconds(2), .seconds(3)], now: .seconds(4)) == .giveUp(starts: 4))
        // Twenty seconds later the early starts no longer count.
        #expect(policy.decide(starts: [.zero, .seconds(1), .seconds(2), .seconds(3)], now: .seconds(12)) == .restart(after: .milliseconds(100)))
    }

    /// Restart=on-failure: non-zero exits and unclean signals restart; exit 0 and the clean
    /// signals (SIGHUP, SIGINT, SIGTERM, SIGPIPE) do not (systemd.service(5), table 2).
    @Test(arguments: [
        (ChildExit.exited(0), false), (.exited(1), true), (.exited(127), true),
        (.signalled(9), true), (.signalled(6), true), (.signalled(11), true),
        (.signalled(15), false), (.signalled(2), false), (.signalled(1), false), (.signalled(13), false),
    ])
    func onFailure(exit: ChildExit, restarts: Bool) {
        #expect(exit.isFailure == restarts)
    }

    /// Lines come out whole whether the bytes arrive at once or one at a time; CRLF loses its
    /// CR; an unterminated tail waits for finish(); an over-long line is cut at the limit.
    @Test func lineSplitterDripFed() {
        let input = Array("modemd started\r\nm1 ready\n\npartial".utf8)
        var whole = LineSplitter()
        var dripped = LineSplitter()
        let all = whole.feed(input)
        var drip: [String] = []
        for byte in input { drip += dripped.feed([byte]) }
        #expect(all == ["modemd started", "m1 ready", ""])
        #expect(drip == all)
        #expect(whole.finish() == "partial")
        #expect(dripped.finish() == "partial")
        #expect(whole.finish() == nil)
        var short = LineSplitter(maximumLine: 4)
        #expect(short.feed(Array("abcdefg\n".utf8)) == ["abcd", "efg"])
    }

    /// The order of the units and who gets a watchdog: the simulator (no sd_notify) first,
    /// smsgw-watchdogd only when built.
    @Test func boxPlanOrder() throws {
        let configuration = try ConfigurationLoader.load(file: "etc/smsgw/demo.toml")
        let plan = BoxPlan.children(configuration: configuration, configPath: "demo.toml", binDirectory: "/bin/x",
                                    hasWatchdogd: false, watchdog: .seconds(20))
        #expect(plan.map(\.name) == ["modemsim", "modemd", "queued", "ingressd", "simd"])
        #expect(plan[0].readiness == .socketFile("./.smsgw/run/modemsim.sock"))
        #expect(plan[0].watchdog == nil)
        #expect(plan[1] == ChildSpec(name: "modemd", executable: "/bin/x/smsgw-modemd", arguments: ["--config", "demo.toml"],
                                     readiness: .notify, watchdog: .seconds(20)))
        var real = configuration
        real.simulator.enabled = false
        let withWatchdogd = BoxPlan.children(configuration: real, configPath: "g.toml", binDirectory: "/b", hasWatchdogd: true, watchdog: nil)
        #expect(withWatchdogd.map(\.name) == ["modemd", "queued", "ingressd", "simd", "watchdogd"])
    }

    /// The demo key is used only where the configuration's hash accepts it.
    @Test func apiKeyChoice() throws {
        let demo = try ConfigurationLoader.load(file: "etc/smsgw/demo.toml")
        #expect(try APIKeyChoice.key(explicit: nil, environment: nil, configuration: demo) == "demo-key")
        #expect(try APIKeyChoice.key(explicit: "k1", environment: "k2", configuration: demo) == "k1")
        #expect(try APIKeyChoice.key(explicit: nil, environment: "k2", configuration: demo) == "k2")
        var other = demo
        other.accounts = []
        #expect(throws: InputError.self) { try APIKeyChoice.key(explicit: nil, environment: nil, configuration: other) }
    }

    /// Bars from +CSQ RSSI at the thresholds (27.007 §8.5), and 99 "not known".
    @Test(arguments: [(0, "···· 0"), (2, "▂··· 2"), (9, "▂··· 9"), (10, "▂▄·· 10"), (15, "▂▄▆· 15"), (20, "▂▄▆█ 20"),
                      (31, "▂▄▆█ 31"), (99, "???? 99")])
    func signalGlyphs(rssi: Int, text: String) {
        #expect(SignalGlyphs.text(rssi) == text)
    }
}

extension NotifyDatagram {
    static func expect(ready: Bool = false, stopping: Bool = false, ping: Bool = false, trigger: Bool = false,
                       status: String? = nil, micros: UInt64? = nil) -> NotifyDatagram {
        var datagram = NotifyDatagram(bytes: [UInt8]())
        datagram.ready = ready
        datagram.stopping = stopping
        datagram.watchdogPing = ping
        datagram.watchdogTrigger = trigger
        datagram.status = status
        datagram.watchdogMicroseconds = micros
        return datagram
    }
}
