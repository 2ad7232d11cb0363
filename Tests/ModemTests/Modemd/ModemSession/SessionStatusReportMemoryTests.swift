import ATCommands
import GatewayCore
import ModemProfiles
import ModemSession
import Testing
@testable import ModemSimulator

/// A status report stored in "SR" (`+CDSI: "SR",<n>`, CNMI `<ds>`=2) is read
/// from that memory: `AT+CPMS="SR"`, `AT+CMGR`, `AT+CMGD` there, then the memories back.
@Suite("ModemSession: status reports in the SR memory")
struct SessionStatusReportMemoryTests {
    @Test("scripted: +CDSI \"SR\" → CPMS SR, CMGR, CMGD, CPMS back; a +CMTI meanwhile waits its turn")
    func scripted() {
        var harness = SessionSendingTests.ready()
        let pdu = TestPDUs.statusReport(reference: 5, to: "31612345678", status: 0)
        harness.modem("+CDSI: \"SR\",3")
        #expect(harness.lastWrite == "AT+CPMS=\"SR\"")
        harness.modem("+CMTI: \"SM\",1")  // queued behind the SR dialogue
        harness.modem("+CPMS: 1,50,0,30,0,30", "OK")
        #expect(harness.lastWrite == "AT+CMGR=3")
        let read = harness.modem("+CMGR: 0,,\(pdu.count - 1)", TestPDUs.hex(pdu), "OK")
        #expect(SessionInboundTests.received(in: read) == [ReceivedPDU(pdu: pdu, source: .stored(index: 3))])
        #expect(harness.lastWrite == "AT+CMGD=3", "deleted in SR, before the memories are restored")
        harness.modem("OK")
        #expect(harness.lastWrite == "AT+CPMS=\"SM\",\"SM\",\"SM\"")
        harness.modem("+CPMS: 0,30,0,30,0,30", "OK")
        #expect(harness.lastWrite == "AT+CMGR=1", "the +CMTI read runs in SM again")
    }

    @Test("a module that refuses AT+CPMS=\"SR\": no read from the wrong memory, the memories restored")
    func selectRefused() {
        var harness = SessionSendingTests.ready()
        harness.modem("+CDSI: \"SR\",3")
        harness.modem("+CMS ERROR: 302")
        #expect(harness.lastWrite == "AT+CPMS=\"SM\",\"SM\",\"SM\"")
        #expect(!SessionHarness.writes(in: harness.log).contains("AT+CMGR=3"))
    }

    @Test("against the simulator (SIM7600, CNMI ds=2): the report is read from SR and deleted there")
    func againstSimulator() throws {
        var settings = SessionSettings.test(power: false)
        settings.newMessageIndication = NewMessageIndication(mode: 2, deliver: 1, statusReport: 2, bufferFlush: 0)
        settings.iccidCommand = ATCommandLine([ATCommandInvocation("+CICCID", .execute)])
        var link = SessionSimulatorLink(session: SessionHarness(settings),
                                        modem: ModemHarness(profile: .simcomSIM7600, settings: .fast))
        link.session.handle(.start)
        link.run()
        #expect(link.session.session.status.state == .ready)
        let submit = try SendingTests.submitPDU(report: true)
        link.session.handle(.send(SendJob(id: 1, parts: [SendJob.Part(hex: submit.hex, tpduLength: submit.length)])))
        link.run()
        guard case .sent(let references) = link.session.outcomes[1] else {
            Issue.record("send did not finish: \(String(describing: link.session.outcomes[1])) \(SessionHarness.writes(in: link.session.log).suffix(6)) \(SessionHarness.logLines(in: link.session.log).suffix(8))")
            return
        }
        let writes = SessionHarness.writes(in: link.session.log)
        #expect(writes.contains("AT+CPMS=\"SR\""))
        let reports = try SessionInboundTests.received(in: link.session.log).compactMap { pdu -> ReceivedStatusReport? in
            if case .statusReport(let report) = try ReceivedContent.decode(pdu) { report } else { nil }
        }
        #expect(reports.map { Int($0.messageReference) } == references)
        #expect(link.modem.modem.reportStorage.used == 0, "deleted from SR")
        #expect(link.modem.modem.config.storages == ["SM", "SM", "SM"], "memories restored")
    }
}

/// Connects a session to a simulated modem: what the session writes goes to the modem, what
/// the modem answers goes back; both clocks move together.
struct SessionSimulatorLink {
    var session: SessionHarness
    var modem: ModemHarness

    /// How much of the session's log has been delivered to the modem.
    var delivered = 0

    /// Carries bytes both ways and moves both clocks on, for `duration` of simulated time.
    mutating func run(for duration: Duration = .seconds(30)) {
        let end = max(session.now, modem.now) + duration
        while true {
            let pending = session.log[delivered...].compactMap { if case .write(let bytes) = $0 { bytes } else { nil } }
            delivered = session.log.count
            if !pending.isEmpty {
                for bytes in pending {
                    let answer = modem.modem.handle(.received(bytes), at: modem.now)
                    if !answer.isEmpty { session.handle(.received(answer)) }
                }
                continue
            }
            let next = [session.session.nextDeadline, modem.modem.nextDeadline].compactMap { $0 }.min()
            guard let next, next <= end else { return }
            let now = max(next, session.now, modem.now)
            session.now = now
            modem.now = now
            let output = modem.modem.advance(to: now)
            if !output.isEmpty { session.handle(.received(output)) }
            session.handle(.tick)
        }
    }
}
