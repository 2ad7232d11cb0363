import ATCommands
import GatewayCore
import ModemSession
import Testing

@Suite("ModemSession: SIM slot switching")
struct SessionSlotSwitchTests {
    @Test("GPIO select: lines set, power cut while they change, init again, the answer names the new slot")
    func gpioSwitch() {
        var harness = SessionSendingTests.ready(.test(slots: 2, slotSwitch: .gpio))
        let actions = harness.handle(.switchSlot(1, requestID: 5))
        #expect(actions.contains(.selectSlot(1)))
        #expect(actions.contains(.setPower(on: false)))
        harness.advanceToDeadline()   // power on
        harness.advanceToDeadline()   // boot wait: AT
        harness.answerUntilReady()
        #expect(harness.log.contains { if case .slotSwitchFinished(5, 1, true, _) = $0 { true } else { false } })
        #expect(harness.session.status.identity.slot == 1)
        #expect(harness.session.status.counters[.ladderPowerCycle] == nil, "a switch is not a recovery")
    }

    @Test("AT command: the profile's command with the slot filled in, then init again")
    func commandSwitch() {
        var harness = SessionSendingTests.ready(.test(slots: 2, slotSwitch: .command(template: "AT+QDSIM={slot}", resetAfter: false)))
        harness.handle(.switchSlot(1, requestID: 6))
        #expect(harness.lastWrite == "AT+QDSIM=1")
        harness.modem("OK")
        #expect(harness.lastWrite == "ATE0")
        harness.answerUntilReady()
        #expect(harness.log.contains { if case .slotSwitchFinished(6, 1, true, _) = $0 { true } else { false } })
    }

    @Test("a slot the modem does not have, or a switch while not ready, is refused at once", arguments: [3, -1])
    func refused(slot: Int) {
        var harness = SessionSendingTests.ready(.test(slots: 2, slotSwitch: .gpio))
        let actions = harness.handle(.switchSlot(slot, requestID: 1))
        #expect(actions.contains { if case .slotSwitchFinished(1, slot, false, _) = $0 { true } else { false } })
        #expect(SessionHarness.writes(in: actions).isEmpty)
    }
}

@Suite("ModemSession: SIM switch waits for the message in progress")
struct SessionSwitchDuringSendTests {
    @Test("a switch requested between two parts of a message starts after the last part")
    func switchAfterMessage() {
        var harness = SessionSendingTests.ready(.test(slots: 2, slotSwitch: .command(template: "AT+QDSIM={slot}", resetAfter: false)))
        harness.handle(.send(SendJob(id: 1, parts: [SessionSendingTests.part, SessionSendingTests.part])))
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem("+CMGS: 1", "OK")
        harness.handle(.switchSlot(1, requestID: 9))
        #expect(harness.lastWrite == "AT+CMGS=16", "the second part goes first")
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem("+CMGS: 2", "OK")
        #expect(harness.outcomes[1] == .sent(references: [1, 2]))
        #expect(harness.lastWrite == "AT+QDSIM=1")
    }
}
