import ATCommands
import GatewayCore
import ModemSession
import Testing

/// docs/modemd.md "Recovery ladder": a timed-out command's late answer, arriving after the
/// probe was written, is the old command's; the probe's own answer (`+CMEE: <n>`, 3GPP TS
/// 27.007 §9.1) is waited for, and the next command gets its own answer, not the probe's.
@Suite("ModemSession: a late answer to a timed-out command")
struct SessionLateAnswerTests {
    /// Ready, then the poll's `AT+CSQ` left unanswered until the probe is written.
    static func probing() -> SessionHarness {
        var harness = SessionSendingTests.ready()
        harness.advance(by: .seconds(10))
        #expect(harness.lastWrite == "AT+CSQ")
        harness.advance(by: .seconds(5))
        #expect(harness.lastWrite == "AT+CMEE?")
        #expect(harness.session.status.state == .hung)
        return harness
    }

    /// After the probe's answer the poll goes on: each command must get its own answer.
    static func expectInStep(_ harness: inout SessionHarness) {
        #expect(harness.session.status.state == .ready)
        #expect(harness.session.status.counters[.recovered] == 1)
        #expect(harness.lastWrite == "AT+CREG?", "the poll goes on after the probe")
        harness.modem("+CREG: 0,1", "OK")
        #expect(harness.lastWrite == "AT+COPS?")
        harness.modem("+COPS: 0,0,\"Late Network\"", "OK")
        #expect(harness.session.status.operatorName == "Late Network", "AT+COPS? got its own answer")
        #expect(harness.lastWrite == "AT+CPMS?")
        harness.modem("+CPMS: \"SM\",0,30,\"SM\",0,30,\"SM\",0,30", "OK")
        #expect(harness.session.status.state == .ready)
        #expect(harness.session.status.counters[.ladderSoftReset] == nil)
    }

    @Test("the old command's answer, then the probe's: skipped, logged, and the next commands get their own answers", arguments: [
        // A bare OK: what AT answers too, so an AT probe could not tell it from its own.
        ["OK"],
        // A refusal the network took its time over (27.007 §9.2, 30: no network service).
        ["+CME ERROR: 30"],
        // Plain ERROR (CMEE 0 on some modules, or a refused command).
        ["ERROR"],
        // The late answer of the poll itself, information line and all.
        ["+CSQ: 14,0", "OK"],
        // A network-bound read that answered late (+COPS on a congested cell).
        ["+COPS: 0,0,\"Slow Network\"", "OK"],
    ])
    func lateThenProbe(late: [String]) {
        var harness = Self.probing()
        let start = harness.log.count
        harness.modem(late)
        #expect(harness.session.status.state == .hung, "the probe's own answer is still to come")
        #expect(SessionHarness.writes(in: Array(harness.log[start...])).isEmpty, "nothing written: the probe is at the module")
        #expect(SessionHarness.logLines(in: harness.log).contains { $0.hasPrefix("a late answer to the timed-out command skipped") })
        harness.modem("+CMEE: 1", "OK")
        Self.expectInStep(&harness)
    }

    @Test("the late answer and the probe's in one read, or dripped a byte at a time: the same", arguments: [false, true])
    func oneRead(drip: Bool) {
        var harness = Self.probing()
        let text = "\r\n+CME ERROR: 30\r\n\r\n+CMEE: 1\r\n\r\nOK\r\n"
        if drip { harness.drip(text) } else { harness.handle(.received(Array(text.utf8))) }
        Self.expectInStep(&harness)
    }

    /// A module without extended error reporting (it refused `AT+CMEE=1` at init) would answer
    /// `AT+CMEE?` with `ERROR` every time and be taken for hung: it is probed with a bare `AT`.
    @Test("a module that refused AT+CMEE=1 at init is probed with AT, and its OK ends the ladder")
    func noErrorReporting() {
        var modem = FakeModem()
        modem.answers["AT+CMEE=1"] = ["ERROR"]
        modem.answers["AT+CMEE?"] = ["ERROR"]
        var harness = SessionHarness(.test())
        harness.handle(.start)
        harness.advance(by: .seconds(4))
        harness.answerUntilReady(modem)
        #expect(harness.session.status.state == .ready)
        harness.advance(by: .seconds(10))
        #expect(harness.lastWrite == "AT+CSQ")
        harness.advance(by: .seconds(5))
        #expect(harness.lastWrite == "AT", "not AT+CMEE?, which this module refuses")
        harness.modem("OK")
        #expect(harness.session.status.state == .ready)
        #expect(harness.session.status.counters[.recovered] == 1)
        #expect(harness.session.status.counters[.ladderSoftReset] == nil)
    }

    @Test("no late answer: the probe's own answer ends the ladder at once")
    func probeOnly() {
        var harness = Self.probing()
        harness.modem("+CMEE: 1", "OK")
        Self.expectInStep(&harness)
        #expect(!SessionHarness.logLines(in: harness.log).contains { $0.hasPrefix("a late answer") })
    }

    @Test("a module that refuses AT+CMEE? after a late answer: its second final result is the probe's all the same")
    func probeRefusedAfterLate() {
        var harness = Self.probing()
        harness.modem("OK")
        harness.modem("ERROR")
        Self.expectInStep(&harness)
    }

    @Test("the late answer came but the probe's never does: the ladder climbs to the soft reset a probe timeout later", arguments: [
        ["OK"], ["+CME ERROR: 30"],
    ])
    func lateThenSilence(late: [String]) {
        var harness = Self.probing()
        harness.advance(by: .seconds(1))
        harness.modem(late)
        harness.advance(by: .seconds(2) - .milliseconds(1))
        #expect(harness.lastWrite == "AT+CMEE?", "the probe's wait restarts at the late answer (the module answers)")
        harness.advance(by: .milliseconds(1))
        #expect(harness.lastWrite == "AT+CFUN=1,1")
        #expect(harness.session.status.counters[.ladderSoftReset] == 1)
        #expect(harness.session.status.counters[.recovered] == nil)
    }

    @Test("nothing at all after the probe: the ladder climbs as before")
    func probeUnanswered() {
        var harness = Self.probing()
        harness.advance(by: .seconds(2))
        #expect(harness.lastWrite == "AT+CFUN=1,1")
    }

    @Test("a late answer to a command of the init dialogue: init starts again only once the probe is answered")
    func lateDuringInit() {
        var harness = SessionHarness(.test())
        harness.handle(.start)
        harness.advance(by: .seconds(4))
        harness.modem("OK")  // AT
        #expect(harness.lastWrite == "ATE0")
        harness.modem("OK")
        #expect(harness.lastWrite == "AT+CMEE=1")
        harness.advance(by: .seconds(5))
        #expect(harness.lastWrite == "AT+CMEE?")
        let start = harness.log.count
        harness.modem("OK")  // AT+CMEE=1, late
        #expect(SessionHarness.writes(in: Array(harness.log[start...])).isEmpty)
        harness.modem("+CMEE: 1", "OK")
        harness.answerUntilReady()
        #expect(harness.session.status.state == .ready)
    }
}
