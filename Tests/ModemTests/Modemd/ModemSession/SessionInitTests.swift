import ATCommands
import GatewayCore
import ModemSession
import Testing

@Suite("ModemSession: power-on and init dialogue")
struct SessionInitTests {
    @Test("power on, boot wait, probe, then the whole init dialogue in order")
    func initDialogue() {
        var harness = SessionHarness(.test())
        let first = harness.handle(.start)
        #expect(first.contains(.setPower(on: true)))
        // ESC first: it cancels a `> ` prompt a previous run may have left; then nothing while it boots.
        #expect(SessionHarness.writes(in: first) == ["\u{1B}"])
        #expect(harness.session.status.state == .initializing)
        harness.advance(by: .seconds(4))
        #expect(harness.lastWrite == "AT")
        let dialogue = harness.answerUntilReady()
        #expect(dialogue.map(\.0) == [
            "AT", "ATE0", "AT+CMEE=1", "AT+CPIN?", "AT+CMGF=0", "AT+CNMI=2,1,0,1,0", "AT+CPMS=\"SM\",\"SM\",\"SM\"",
            "AT+CGMM", "AT+CGSN", "AT+CIMI", "AT+CCID", "AT+CREG?", "AT+CSQ", "AT+COPS?", "AT+CMGL=4",
        ])
        #expect(harness.session.status.state == .ready)
        let identity = ModemIdentity(model: "SIMCOM_SIM800", imei: "866123456789012", imsi: "001010123456789",
                                     iccid: "8901001234567890123", slot: 0)
        #expect(harness.log.contains(.identified(identity)))
        #expect(harness.log.contains(.stateChanged(.ready)))
        #expect(harness.session.status.operatorName == "Test Network")
        #expect(harness.session.status.signal?.rssi == 21)
        #expect(harness.session.status.registration == .home)
    }

    @Test("the echo of each command is dropped: a module that still echoes after ATE0 works")
    func echoTolerated() {
        var harness = SessionHarness(.test(power: false))
        harness.handle(.start)
        harness.advance(by: .milliseconds(300))  // the ESC's answer may come first
        #expect(harness.lastWrite == "AT")
        // Echo on, as after power-on: "AT<CR><CR><LF>OK<CR><LF>".
        harness.handle(.received(Array("AT\r\r\nOK\r\n".utf8)))
        #expect(harness.lastWrite == "ATE0")
        harness.handle(.received(Array("ATE0\r\r\nOK\r\n".utf8)))
        #expect(harness.lastWrite == "AT+CMEE=1")
    }

    @Test("a SIM that is not ready yet is asked again after the retry interval, then init goes on")
    func simNotReadyYet() {
        var harness = SessionHarness(.test(power: false))
        harness.handle(.start)
        harness.advance(by: .milliseconds(300))  // the ESC's answer may come first
        harness.modem("OK")          // AT
        harness.modem("OK")          // ATE0
        harness.modem("OK")          // AT+CMEE=1
        #expect(harness.lastWrite == "AT+CPIN?")
        let waiting = harness.modem("+CME ERROR: 14")  // SIM busy
        #expect(SessionHarness.writes(in: waiting).isEmpty)
        #expect(harness.session.nextDeadline == harness.now + .seconds(1))
        let retry = harness.advance(by: .seconds(1))
        #expect(SessionHarness.writes(in: retry) == ["AT+CPIN?"])
        harness.modem("+CPIN: READY", "OK")
        #expect(harness.lastWrite == "AT+CMGF=0")
    }

    @Test("a SIM that never gets ready fails init; the session waits, then power-cycles to retry")
    func simNeverReady() {
        var harness = SessionHarness(.test())
        harness.handle(.start)
        harness.advance(by: .seconds(4))
        harness.modem("OK")
        harness.modem("OK")
        harness.modem("OK")
        var tries = 0
        while tries < 20 {
            harness.modem("+CPIN: NOT INSERTED", "OK")
            tries += 1
            if harness.session.status.state == .offline { break }
            harness.advanceToDeadline()
        }
        #expect(tries == 11, "asked once a second for the 10 s SIM timeout")
        #expect(harness.session.status.state == .offline)
        #expect(harness.session.status.lastError == "SIM not ready: +CPIN: NOT INSERTED")
        #expect(harness.session.nextDeadline == harness.now + .seconds(30))
        let retry = harness.advance(by: .seconds(30))
        #expect(retry.contains(.setPower(on: false)), "the retry after back-off power-cycles")
    }

    @Test("a required set-up command refused ends init as failed, naming the command")
    func requiredCommandRefused() {
        var answers = FakeModem()
        answers.answers["AT+CMGF=0"] = ["+CME ERROR: 4"]
        var harness = SessionHarness(.test())
        harness.handle(.start)
        harness.advance(by: .seconds(4))
        harness.answerUntilReady(answers, limit: 6)
        #expect(harness.session.status.state == .offline)
        #expect(harness.session.status.lastError?.hasPrefix("AT+CMGF=0 refused: +CME ERROR: 4") == true)
    }

    @Test("RDY while booting ends the boot wait at once")
    func bootBannerShortensWait() {
        var harness = SessionHarness(.test())
        harness.handle(.start)
        harness.advance(by: .seconds(1))
        let actions = harness.modem("RDY")
        #expect(SessionHarness.writes(in: actions) == ["AT"])
    }

    @Test("a module left at the `> ` prompt by a previous run: ESC cancels it, its OK is dropped, init is not shifted")
    func promptLeftOver() {
        var harness = SessionHarness(.test(power: false))
        let first = harness.handle(.start)
        #expect(SessionHarness.writes(in: first) == ["\u{1B}"])
        harness.handle(.received(Array("\r\nOK\r\n".utf8)))  // the module's answer to ESC
        #expect(harness.lastWrite == "\u{1B}", "no command is pending, so that OK answers nothing")
        harness.advance(by: .milliseconds(300))
        #expect(harness.lastWrite == "AT")
        harness.modem("OK")
        #expect(harness.lastWrite == "ATE0")
        harness.modem("OK")
        #expect(harness.lastWrite == "AT+CMEE=1")
    }
}
