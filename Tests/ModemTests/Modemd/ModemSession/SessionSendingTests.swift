import ATCommands
import GatewayCore
import ModemSession
import Testing

@Suite("ModemSession: sending")
struct SessionSendingTests {
    /// A 1-octet SMSC length (use the SIM's) and a 16-octet SMS-SUBMIT: the shape of what
    /// queued hands over. The bytes need not be a valid TPDU for the session.
    static let part = SendJob.Part(hex: "00" + String(repeating: "11", count: 16), tpduLength: 16)

    static func ready(_ settings: SessionSettings = .test()) -> SessionHarness {
        var harness = SessionHarness(settings)
        harness.handle(.start)
        harness.advance(by: .seconds(4))
        harness.answerUntilReady()
        return harness
    }

    @Test("two parts: prompt, PDU and Ctrl-Z, +CMGS each; a +CMTI in the middle is read between parts")
    func twoPartsWithURCMidSend() {
        var harness = Self.ready()
        harness.handle(.send(SendJob(id: 7, parts: [Self.part, Self.part])))
        #expect(harness.lastWrite == "AT+CMGS=16")
        #expect(harness.session.status.isSending)
        let prompt = harness.handle(.received(Array("\r\n> ".utf8)))
        #expect(prompt.contains(.write(Array(Self.part.hex.utf8) + [0x1A])))
        // The URC arrives between the body and the result: handled, not taken as the answer.
        harness.modem("+CMTI: \"SM\",3", "+CMGS: 17", "OK")
        #expect(harness.lastWrite == "AT+CMGR=3", "the read goes before the second part")
        harness.modem("+CMGR: 0,,24", "07911326040000F0040B911346610089F60000208062917314080CC8F71D14969741F977FD07", "OK")
        #expect(harness.lastWrite == "AT+CMGD=3")
        harness.modem("OK")
        #expect(harness.lastWrite == "AT+CMGS=16")
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem("+CMGS: 18", "OK")
        #expect(harness.outcomes[7] == .sent(references: [17, 18]))
        #expect(harness.log.contains { if case .received(let pdu) = $0 { pdu.source == .stored(index: 3) } else { false } })
        #expect(!harness.session.status.isSending)
    }

    @Test("the same dialogue drip-fed one byte at a time gives the same outcome")
    func dripFed() {
        var harness = Self.ready()
        harness.handle(.send(SendJob(id: 1, parts: [Self.part])))
        harness.drip("\r\n> ")
        #expect(harness.lastWrite == Self.part.hex + "\u{1A}")
        harness.drip("\r\n+CMTI: \"SM\",1\r\n\r\n+CMGS: 200\r\n\r\nOK\r\n")
        #expect(harness.outcomes[1] == .sent(references: [200]))
        #expect(harness.lastWrite == "AT+CMGR=1")
    }

    @Test("+CMS ERROR maps to a typed failure: temporary, permanent or device fault", arguments: [
        // 42 Congestion (24.011 RP-cause): the network is busy, try again later.
        ("+CMS ERROR: 42", ATErrorCategory.temporary),
        // 1 Unassigned number: this destination will never work.
        ("+CMS ERROR: 1", .permanent),
        // 304 Invalid PDU mode parameter: our PDU is wrong, retrying the same bytes is useless.
        ("+CMS ERROR: 304", .permanent),
        // 310 SIM not inserted: the modem needs attention, not the message.
        ("+CMS ERROR: 310", .deviceFault),
        // Verbose form (AT+CMEE=2) of 332 Network timeout.
        ("+CMS ERROR: Network timeout", .temporary),
        // Plain ERROR (no CMEE): the modem refuses the command as written.
        ("ERROR", .permanent),
    ])
    func cmsErrors(line: String, category: ATErrorCategory) throws {
        var harness = Self.ready()
        harness.handle(.send(SendJob(id: 3, parts: [Self.part, Self.part])))
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem("+CMGS: 5", "OK")
        harness.handle(.received(Array("\r\n> ".utf8)))
        harness.modem(line)
        guard case .failed(let failure) = harness.outcomes[3] else {
            Issue.record("expected a failure, got \(String(describing: harness.outcomes[3]))")
            return
        }
        #expect(failure.category == category)
        #expect(failure.partIndex == 1)
        #expect(failure.references == [5], "the first part went out and keeps its TP-MR")
        #expect(harness.session.status.state == .ready, "a refused message does not take the modem down")
    }

    @Test("an error before the prompt (AT+CMGS refused at once) fails the job too")
    func errorBeforePrompt() {
        var harness = Self.ready()
        harness.handle(.send(SendJob(id: 4, parts: [Self.part])))
        harness.modem("+CMS ERROR: 331")
        guard case .failed(let failure) = harness.outcomes[4] else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.category == .temporary)
    }

    @Test("a busy modem queues sends in order, up to its limit; beyond it a temporary refusal")
    func queueing() {
        var harness = Self.ready()
        for id in 1...6 { harness.handle(.send(SendJob(id: UInt64(id), parts: [Self.part]))) }
        guard case .failed(let failure) = harness.outcomes[6] else {
            Issue.record("the sixth job should be refused")
            return
        }
        #expect(failure.reason == .queueFull(4))
        #expect(failure.category == .temporary)
        for reference in 1...5 {
            harness.handle(.received(Array("\r\n> ".utf8)))
            harness.modem("+CMGS: \(reference)", "OK")
        }
        for id in 1...5 { #expect(harness.outcomes[UInt64(id)] == .sent(references: [id])) }
    }

    @Test("malformed jobs and jobs for a modem that is not ready are refused", arguments: [
        (SendJob(id: 1, parts: []), false),
        (SendJob(id: 1, parts: [SendJob.Part(hex: "0011", tpduLength: 5)]), false),
        (SendJob(id: 1, parts: [SendJob.Part(hex: "00zz", tpduLength: 1)]), false),
        (SendJob(id: 1, parts: [part]), true),
    ])
    func refused(job: SendJob, valid: Bool) {
        var harness = SessionHarness(.test())
        harness.handle(.start)
        harness.handle(.send(job))
        guard case .failed(let failure) = harness.outcomes[1] else {
            Issue.record("expected a refusal")
            return
        }
        if valid {
            #expect(failure.reason == .notReady("initializing"))
        } else {
            #expect(failure.category == .permanent)
        }
    }

    @Test("a health poll runs when the modem has been idle for the poll interval")
    func healthPoll() {
        var harness = Self.ready()
        harness.advance(by: .seconds(10))
        #expect(harness.lastWrite == "AT+CSQ")
        harness.modem("+CSQ: 9,0", "OK")
        #expect(harness.lastWrite == "AT+CREG?")
        harness.modem("+CREG: 0,5", "OK")
        harness.modem("+COPS: 0,0,\"Roamer\"", "OK")
        harness.modem("+CPMS: \"SM\",1,30,\"SM\",1,30,\"SM\",1,30", "OK")
        #expect(harness.session.status.signal?.rssi == 9)
        #expect(harness.session.status.registration == .roaming)
        #expect(harness.session.status.operatorName == "Roamer")
    }
}
