import ATCommands
import GatewayCore
import ModemSession
import Testing

/// Abandoned sends: only a part whose PDU was written (after `AT+CMGS` and its
/// `> ` prompt) may have gone out (`unknown`); everything else the session holds fails `notAttempted`, temporary, so the
/// queue can send it again on another SIM instead of stranding it in `unknown`.
@Suite("ModemSession: abandoned sends")
struct SessionAbandonTests {
    static let part = SessionSendingTests.part

    /// A ready session with job 1 written (`AT+CMGS`, the prompt, its PDU out) and jobs 2 and 3
    /// queued behind it.
    static func busy() -> SessionHarness {
        var harness = SessionSendingTests.ready()
        for id: UInt64 in 1...3 { harness.handle(.send(SendJob(id: id, parts: [part]))) }
        #expect(harness.lastWrite == "AT+CMGS=16")
        harness.handle(.received(Array("\r\n> ".utf8)))
        #expect(harness.session.status.queuedSends == 2)
        return harness
    }

    static func isNotAttempted(_ outcome: SendOutcome?, partIndex: Int = 0, references: [Int] = []) -> Bool {
        guard case .failed(let failure) = outcome, case .notAttempted = failure.reason else { return false }
        return failure.partIndex == partIndex && failure.references == references && failure.category == .temporary
    }

    @Test("stop (modemd shuts down): the written send is unknown, the queued ones not attempted")
    func stop() {
        var harness = Self.busy()
        let actions = harness.handle(.stop)
        #expect(harness.outcomes[1] == .unknown(references: [], partIndex: 0))
        #expect(Self.isNotAttempted(harness.outcomes[2]))
        #expect(Self.isNotAttempted(harness.outcomes[3]))
        #expect(SessionHarness.writes(in: actions).isEmpty, "nothing more is written")
        #expect(harness.session.status.queuedSends == 0)
        #expect(!harness.session.status.isSending)
        // A send after the stop is refused, not queued.
        harness.handle(.send(SendJob(id: 4, parts: [Self.part])))
        guard case .failed(let late) = harness.outcomes[4] else {
            Issue.record("a send after stop must be refused")
            return
        }
        #expect(late.category == .temporary)
    }

    @Test("stop with nothing written: every send is not attempted, none unknown")
    func stopWhileInitializing() {
        var harness = SessionSendingTests.ready()
        harness.modem("+CMTI: \"SM\",2")  // a read is in flight, no send written yet
        harness.handle(.send(SendJob(id: 5, parts: [Self.part])))
        #expect(harness.lastWrite == "AT+CMGR=2")
        harness.handle(.stop)
        #expect(Self.isNotAttempted(harness.outcomes[5]))
        #expect(harness.session.status.counters[.sendsUnknown] == nil)
    }

    @Test("the ladder: the written send is unknown, the queued ones not attempted (typed, temporary)")
    func ladder() {
        var harness = Self.busy()
        harness.advance(by: .seconds(60))  // the PDU's +CMGS never comes (sendTimeout): the probe
        #expect(harness.outcomes[1] == nil, "+CMGS: may still come before the probe's answer")
        #expect(Self.isNotAttempted(harness.outcomes[2]))
        harness.advance(by: .seconds(2))   // the probe unanswered too
        #expect(harness.outcomes[1] == .unknown(references: [], partIndex: 0))
        #expect(Self.isNotAttempted(harness.outcomes[2]))
        #expect(Self.isNotAttempted(harness.outcomes[3]))
        guard case .failed(let failure) = harness.outcomes[2] else { return }
        #expect(failure.description.hasPrefix("part 1 not attempted: modem not answering"))
    }

    @Test("a modem hung before the prompt (AT+CMGS never answered): the PDU was never written, so the send was not attempted and may go out on another SIM")
    func hungBeforePrompt() {
        var harness = SessionSendingTests.ready()
        harness.handle(.send(SendJob(id: 7, parts: [Self.part])))
        #expect(harness.lastWrite == "AT+CMGS=16")
        harness.advance(by: .seconds(5))  // no `> `: the command timeout, then the ladder
        #expect(Self.isNotAttempted(harness.outcomes[7]))
        #expect(harness.session.status.counters[.sendsUnknown] == nil)
    }

    @Test("between parts (a read went first and timed out): part 2 not attempted, part 1's TP-MR kept")
    func betweenParts() {
        var harness = SessionSendingTests.ready()
        harness.handle(.send(SendJob(id: 6, parts: [Self.part, Self.part])))
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem("+CMTI: \"SM\",3", "+CMGS: 17", "OK")
        #expect(harness.lastWrite == "AT+CMGR=3", "the read goes before part 2")
        harness.advance(by: .seconds(5))  // the read is never answered
        #expect(Self.isNotAttempted(harness.outcomes[6], partIndex: 1, references: [17]))
    }

    @Test("an operator's power cycle: the written send unknown, the queued ones not attempted")
    func powerCycle() {
        var harness = Self.busy()
        harness.handle(.powerCycle)
        #expect(harness.outcomes[1] == .unknown(references: [], partIndex: 0))
        #expect(Self.isNotAttempted(harness.outcomes[2]))
        #expect(Self.isNotAttempted(harness.outcomes[3]))
    }

    @Test("a module that reboots by itself (RDY): the written send unknown, the queued ones not attempted")
    func spontaneousReboot() {
        var harness = Self.busy()
        harness.modem("RDY")
        #expect(harness.outcomes[1] == .unknown(references: [], partIndex: 0))
        #expect(Self.isNotAttempted(harness.outcomes[2]))
        #expect(Self.isNotAttempted(harness.outcomes[3]))
    }

    @Test("a SIM switch: the queued sends are not attempted, the written one finishes normally")
    func slotSwitch() {
        var harness = SessionSendingTests.ready(.test(slots: 2, slotSwitch: .command(template: "AT+CSDS={slot}", resetAfter: false)))
        for id: UInt64 in 1...2 { harness.handle(.send(SendJob(id: id, parts: [Self.part]))) }
        harness.handle(.switchSlot(1, requestID: 1))
        #expect(Self.isNotAttempted(harness.outcomes[2]))
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem("+CMGS: 30", "OK")
        #expect(harness.outcomes[1] == .sent(references: [30]))
    }
}
