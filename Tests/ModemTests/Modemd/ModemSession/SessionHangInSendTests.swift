import ATCommands
import GatewayCore
import ModemSession
import Testing

/// The budget "a hung modem is detected within 30 s and power-cycled" (docs/architecture.md) — under traffic too,
/// where a modem is nearly always inside `AT+CMGS` (3GPP TS 27.005 §3.5.1).
@Suite("ModemSession: a modem that hangs in a send")
struct SessionHangInSendTests {
    /// A modem with a power line, timed as modemd times it for `modem_poll_interval` `poll`
    /// and `modem_hang_timeout` `hang`.
    static func settings(hang: Duration, poll: Duration, power: Bool = true) -> SessionSettings {
        SessionSettings(
            modemID: "m1", hasPowerControl: power, sendQueueLimit: 4,
            timings: .fitting(hangTimeout: hang, pollInterval: poll, bootWait: .seconds(4), bootTimeout: .seconds(20),
                              powerOffTime: .seconds(3)))
    }

    static let prompt = Array("\r\n> ".utf8)

    /// Ticks at each deadline until the power line is cut (or `limit` ticks); returns when.
    static func untilPowerCut(_ harness: inout SessionHarness, limit: Int = 10) -> Duration? {
        for _ in 0..<limit {
            if harness.advanceToDeadline().contains(.setPower(on: false)) { return harness.now }
        }
        return nil
    }

    @Test("hang after the PDU: +CMGS waited for H − probe, the probe, then the power cut (no soft reset) within H of the `> ` prompt; the send is unknown", arguments: [
        // The shipped defaults: 26 s for +CMGS, 4 s for the probe.
        (Duration.seconds(30), Duration.seconds(10)),
        // HungModemTests' timings: a short budget where the clamps do not bite.
        (.seconds(5), .seconds(1)),
        // A long hang timeout: the probe's 5 s cap leaves the network 115 s.
        (.seconds(120), .seconds(10)),
        // A poll interval close to the hang timeout: the send's wait does not depend on it.
        (.seconds(30), .seconds(29)),
    ])
    func hangAfterPDU(hang: Duration, poll: Duration) {
        let settings = Self.settings(hang: hang, poll: poll)
        var harness = SessionSendingTests.ready(settings)
        harness.handle(.send(SendJob(id: 1, parts: [SessionSendingTests.part])))
        harness.handle(.send(SendJob(id: 2, parts: [SessionSendingTests.part])))
        #expect(harness.lastWrite == "AT+CMGS=16")
        harness.handle(.received(Self.prompt))  // the modem's last answer
        let lastAnswer = harness.now
        let start = harness.log.count
        guard let cut = Self.untilPowerCut(&harness) else {
            Issue.record("the power was never cut")
            return
        }
        #expect(cut - lastAnswer <= hang, "power cut \(cut - lastAnswer) after the prompt")
        #expect(cut - lastAnswer == settings.timings.sendTimeout + settings.timings.probeTimeout)
        #expect(SessionHarness.writes(in: Array(harness.log[start...])) == ["AT+CMEE?"], "the probe only: no AT+CFUN=1,1")
        #expect(harness.outcomes[1] == .unknown(references: [], partIndex: 0), "the PDU was written: it may have gone out")
        #expect(SessionAbandonTests.isNotAttempted(harness.outcomes[2]))
        #expect(harness.session.status.counters[.ladderSoftReset] == nil)
        #expect(harness.session.status.counters[.ladderPowerCycle] == 1)
        let lines = SessionHarness.logLines(in: harness.log)
        #expect(lines.contains { $0.hasSuffix("ladder step 3: GPIO power cycle (silent since the PDU: no soft reset)") })
        // And it comes back: power on, boot, init.
        harness.advanceToDeadline()
        harness.advanceToDeadline()
        #expect(harness.lastWrite == "AT")
        harness.answerUntilReady()
        #expect(harness.session.status.state == .ready)
        #expect(SessionHarness.logLines(in: harness.log).contains { $0.hasPrefix("recovered by power cycle in ") })
    }

    @Test("a slow +CMGS within the wait is a send like any other: no probe, no timeout", arguments: [
        // 20 s: far beyond the old command timeout (8 s), a congested cell.
        Duration.seconds(20),
        // The last millisecond of the wait.
        .seconds(26) - .milliseconds(1),
    ])
    func slowNetwork(after delay: Duration) {
        var harness = SessionSendingTests.ready(Self.settings(hang: .seconds(30), poll: .seconds(10)))
        harness.handle(.send(SendJob(id: 4, parts: [SessionSendingTests.part])))
        harness.handle(.received(Self.prompt))
        let start = harness.log.count
        harness.advance(by: delay)
        harness.modem("+CMGS: 77", "OK")
        #expect(harness.outcomes[4] == .sent(references: [77]))
        #expect(SessionHarness.writes(in: Array(harness.log[start...])).isEmpty, "nothing written while waiting")
        #expect(harness.session.status.counters[.commandTimeout] == nil)
        #expect(harness.session.status.state == .ready)
    }

    @Test("a probe answered after the wait (the module lives, the network was slower still): back to work, no reset; the send unknown")
    func probeAnsweredAfterTheWait() {
        let settings = Self.settings(hang: .seconds(30), poll: .seconds(10))
        var harness = SessionSendingTests.ready(settings)
        harness.handle(.send(SendJob(id: 5, parts: [SessionSendingTests.part])))
        harness.handle(.received(Self.prompt))
        harness.advance(by: settings.timings.sendTimeout)
        #expect(harness.lastWrite == "AT+CMEE?")
        harness.modem("+CMEE: 1", "OK")
        #expect(harness.session.status.state == .ready)
        #expect(harness.outcomes[5] == .unknown(references: [], partIndex: 0))
        #expect(harness.session.status.counters[.recovered] == 1)
        // A later hang climbs the whole ladder again (the skip was for that send only).
        harness.advance(by: settings.timings.pollInterval)
        #expect(harness.lastWrite == "AT+CSQ")
        harness.advance(by: settings.timings.commandTimeout)
        harness.advance(by: settings.timings.probeTimeout)
        #expect(harness.lastWrite == "AT+CFUN=1,1")
    }

    @Test("+CMGS later than the wait, before the probe's answer: the send is sent, and the probe's own OK is not taken for the next command's")
    func lateAnswerAfterTheProbe() {
        let settings = Self.settings(hang: .seconds(30), poll: .seconds(10))
        var harness = SessionSendingTests.ready(settings)
        harness.handle(.send(SendJob(id: 11, parts: [SessionSendingTests.part, SessionSendingTests.part])))
        harness.handle(.received(Self.prompt))
        harness.advance(by: settings.timings.sendTimeout)
        #expect(harness.lastWrite == "AT+CMEE?")
        let start = harness.log.count
        // The module was busy with the send: its answer first, then the buffered AT's.
        harness.modem("+CMGS: 91", "OK")
        #expect(harness.outcomes[11] == nil, "part 1 sent, part 2 to go")
        #expect(harness.session.status.state == .hung, "the probe's own answer is still to come")
        #expect(SessionHarness.writes(in: Array(harness.log[start...])).isEmpty, "nothing written: the AT is at the module")
        harness.modem("+CMEE: 1", "OK")
        #expect(harness.session.status.state == .ready)
        #expect(harness.lastWrite == "AT+CMGS=16", "part 2 once the probe's OK is in")
        harness.handle(.received(Self.prompt))
        harness.modem("+CMGS: 92", "OK")
        #expect(harness.outcomes[11] == .sent(references: [91, 92]))
        #expect(harness.session.status.counters[.recovered] == 1)
    }

    @Test("a late +CMS ERROR after the probe: the send failed (the network refused it), not unknown")
    func lateRefusalAfterTheProbe() {
        let settings = Self.settings(hang: .seconds(30), poll: .seconds(10))
        var harness = SessionSendingTests.ready(settings)
        harness.handle(.send(SendJob(id: 12, parts: [SessionSendingTests.part])))
        harness.handle(.received(Self.prompt))
        harness.advance(by: settings.timings.sendTimeout)
        harness.modem("+CMS ERROR: 42")
        guard case .failed(let failure) = harness.outcomes[12] else {
            Issue.record("expected a failure, got \(String(describing: harness.outcomes[12]))")
            return
        }
        #expect(failure.category == .temporary)
        harness.modem("OK")
        #expect(harness.session.status.state == .ready)
    }

    @Test("the late +CMGS came but the probe's own OK never does: the ladder goes on to the soft reset (the module parsed AT+CMGS)")
    func lateAnswerThenSilence() {
        let settings = Self.settings(hang: .seconds(30), poll: .seconds(10))
        var harness = SessionSendingTests.ready(settings)
        harness.handle(.send(SendJob(id: 13, parts: [SessionSendingTests.part])))
        harness.handle(.received(Self.prompt))
        harness.advance(by: settings.timings.sendTimeout)
        harness.modem("+CMGS: 5", "OK")
        #expect(harness.outcomes[13] == .sent(references: [5]))
        harness.advance(by: settings.timings.probeTimeout)
        #expect(harness.lastWrite == "AT+CFUN=1,1")
    }

    @Test("hang before the prompt (AT+CMGS unanswered): the full ladder as before, power cut within H − P; not attempted")
    func hangBeforePrompt() {
        let settings = Self.settings(hang: .seconds(30), poll: .seconds(10))
        var harness = SessionSendingTests.ready(settings)
        harness.handle(.send(SendJob(id: 6, parts: [SessionSendingTests.part])))
        let written = harness.now
        let start = harness.log.count
        guard let cut = Self.untilPowerCut(&harness) else {
            Issue.record("the power was never cut")
            return
        }
        #expect(cut - written == .seconds(20), "8 s command + 4 s probe + 8 s reset")
        #expect(SessionHarness.writes(in: Array(harness.log[start...])) == ["AT+CMEE?", "AT+CFUN=1,1"])
        #expect(SessionAbandonTests.isNotAttempted(harness.outcomes[6]))
        #expect(harness.session.status.counters[.ladderSoftReset] == 1)
    }

    @Test("without a power line the hang after the PDU still gets the soft reset, the only remedy left")
    func noPowerLine() {
        let settings = Self.settings(hang: .seconds(30), poll: .seconds(10), power: false)
        var harness = SessionSendingTests.ready(settings)
        harness.handle(.send(SendJob(id: 8, parts: [SessionSendingTests.part])))
        harness.handle(.received(Self.prompt))
        harness.advance(by: settings.timings.sendTimeout)
        harness.advance(by: settings.timings.probeTimeout)
        #expect(harness.lastWrite == "AT+CFUN=1,1")
        #expect(harness.outcomes[8] == .unknown(references: [], partIndex: 0))
    }
}
