import ATCommands
import GatewayCore
import ModemSession
import Testing

@Suite("ModemSession: recovery ladder")
struct SessionLadderTests {
    @Test("timeout → probe → soft reset → power cycle → boot → init → ready; the send never prompted is not attempted")
    func ladderUpToPowerCycle() {
        var harness = SessionSendingTests.ready()
        harness.handle(.send(SendJob(id: 9, parts: [SessionSendingTests.part])))
        harness.handle(.send(SendJob(id: 10, parts: [SessionSendingTests.part])))
        #expect(harness.lastWrite == "AT+CMGS=16")
        // The modem hangs: nothing comes back.
        let timeout = harness.advance(by: .seconds(5))
        #expect(SessionHarness.writes(in: timeout) == ["AT+CMEE?"], "step 1: probe")
        #expect(SessionAbandonTests.isNotAttempted(harness.outcomes[9]), "no `> `, no PDU written: it cannot have gone out")
        guard case .failed(let waiting) = harness.outcomes[10] else {
            Issue.record("the queued job should be handed back")
            return
        }
        #expect(waiting.category == .temporary)
        #expect(harness.session.status.state == .hung)
        let probe = harness.advance(by: .seconds(2))
        #expect(SessionHarness.writes(in: probe) == ["AT+CFUN=1,1"], "step 2: soft reset")
        let reset = harness.advance(by: .seconds(5))
        #expect(reset.contains(.setPower(on: false)), "step 3: power cycle")
        #expect(harness.session.status.state == .resetting)
        let powerOn = harness.advance(by: .seconds(3))
        #expect(powerOn.contains(.setPower(on: true)))
        harness.advance(by: .seconds(4))
        #expect(harness.lastWrite == "AT")
        harness.answerUntilReady()
        #expect(harness.session.status.state == .ready)
        for counter in [SessionCounter.commandTimeout, .ladderProbe, .ladderSoftReset, .ladderPowerCycle, .recovered] {
            #expect(harness.session.status.counters[counter] == 1, "\(counter)")
        }
        let lines = SessionHarness.logLines(in: harness.log)
        #expect(lines.contains("AT+CMGS=16 timed out; ladder step 1: probing with AT+CMEE?"))
        #expect(lines.contains { $0.hasPrefix("recovered by power cycle in ") })
    }

    @Test("a probe that is answered ends the ladder at step 1, without a reset")
    func probeAnswered() {
        var harness = SessionSendingTests.ready()
        harness.advance(by: .seconds(10))
        #expect(harness.lastWrite == "AT+CSQ")
        harness.advance(by: .seconds(5))
        #expect(harness.lastWrite == "AT+CMEE?")
        harness.modem("+CMEE: 1", "OK")
        #expect(harness.session.status.state == .ready)
        #expect(harness.session.status.counters[.recovered] == 1)
        #expect(harness.session.status.counters[.ladderSoftReset] == nil)
    }

    @Test("without a power line the ladder goes from soft reset to failed, and retries with doubling back-off")
    func noPowerLine() {
        var harness = SessionSendingTests.ready(.test(power: false))
        harness.advance(by: .seconds(10))                    // poll: AT+CSQ unanswered
        harness.advance(by: .seconds(5))                     // probe
        harness.advance(by: .seconds(2))                     // soft reset
        harness.advance(by: .seconds(5))                     // reset unanswered: failed
        #expect(harness.session.status.state == .offline)
        #expect(harness.session.nextDeadline == harness.now + .seconds(30))
        let retry = harness.advance(by: .seconds(30))
        #expect(SessionHarness.writes(in: retry) == ["AT+CFUN=1,1"])
        harness.advance(by: .seconds(5))
        #expect(harness.session.status.state == .offline)
        #expect(harness.session.nextDeadline == harness.now + .seconds(60), "back-off doubled")
        #expect(harness.session.status.counters[.ladderFailed] == 2)
    }

    @Test("a module that never answers after power-on climbs the ladder to failed; back-off is capped")
    func deadModule() {
        var harness = SessionHarness(.test())
        harness.handle(.start)
        var failures = 0
        var waits: [Duration] = []
        for _ in 0..<200 where failures < 4 {
            let before = harness.session.status.counters[.ladderFailed] ?? 0
            harness.advanceToDeadline()
            if (harness.session.status.counters[.ladderFailed] ?? 0) > before {
                failures += 1
                if let next = harness.session.nextDeadline { waits.append(next - harness.now) }
            }
        }
        #expect(waits == [.seconds(30), .seconds(60), .seconds(120), .seconds(120)])
    }

    @Test("an operator's power cycle cuts power at once and reports the send in flight unknown")
    func operatorPowerCycle() {
        var harness = SessionSendingTests.ready()
        harness.handle(.send(SendJob(id: 2, parts: [SessionSendingTests.part, SessionSendingTests.part])))
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem("+CMGS: 44", "OK")
        harness.handle(.received(Array("\r\n> ".utf8)))  // part 2's PDU written
        let actions = harness.handle(.powerCycle)
        #expect(actions.contains(.setPower(on: false)))
        #expect(harness.outcomes[2] == .unknown(references: [44], partIndex: 1))
    }

    @Test("RDY while ready: the module rebooted by itself, so init runs again")
    func spontaneousReboot() {
        var harness = SessionSendingTests.ready()
        harness.modem("RDY")
        #expect(harness.session.status.state == .initializing)
        #expect(harness.lastWrite == "ATE0")
    }
}
