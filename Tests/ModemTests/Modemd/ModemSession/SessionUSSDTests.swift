import ATCommands
import GatewayCore
import ModemSession
import Testing

@Suite("ModemSession: USSD balance requests")
struct SessionUSSDTests {
    static func finished(_ harness: SessionHarness, _ id: UInt64) -> USSDOutcome? {
        for action in harness.log { if case .ussdFinished(id, let outcome) = action { return outcome } }
        return nil
    }

    @Test("AT+CUSD=1,\"*100#\",15, OK, then the +CUSD URC seconds later: answered with <m>, <str>, <dcs>")
    func answered() {
        var harness = SessionSendingTests.ready(.test())
        harness.handle(.ussd("*100#", timeout: .seconds(30), requestID: 7))
        #expect(harness.lastWrite == #"AT+CUSD=1,"*100#",15"#)
        harness.modem("OK")
        #expect(Self.finished(harness, 7) == nil, "OK alone is not the answer")
        harness.advance(by: .seconds(2))
        harness.modem(#"+CUSD: 0,"Your balance is 12.50 EUR.",15"#)
        #expect(Self.finished(harness, 7) == .answered(USSDResponse(status: 0, text: "Your balance is 12.50 EUR.", dataCodingScheme: 15)))
    }

    @Test("the answer drip-fed one byte at a time is the same answer")
    func dripFed() {
        var harness = SessionSendingTests.ready(.test())
        harness.handle(.ussd("*100#", timeout: .seconds(30), requestID: 8))
        harness.drip("\r\nOK\r\n")
        harness.drip("\r\n+CUSD: 2,\"Saldo 3,00\",15\r\n")
        #expect(Self.finished(harness, 8) == .answered(USSDResponse(status: 2, text: "Saldo 3,00", dataCodingScheme: 15)))
    }

    @Test("no +CUSD within the timeout: failed, and the session is ended with AT+CUSD=2")
    func timesOut() {
        var harness = SessionSendingTests.ready(.test())
        harness.handle(.ussd("*100#", timeout: .seconds(10), requestID: 9))
        harness.modem("OK")
        harness.advance(by: .seconds(11))
        guard case .failed(let detail) = Self.finished(harness, 9) else {
            Issue.record("not failed: \(harness.log)")
            return
        }
        #expect(detail.contains("no +CUSD answer"))
        #expect(harness.lastWrite == "AT+CUSD=2")
    }

    @Test("+CME ERROR to AT+CUSD, or +CUSD: 4 (not supported): failed with the reason")
    func refused() {
        var harness = SessionSendingTests.ready(.test())
        harness.handle(.ussd("*100#", timeout: .seconds(10), requestID: 1))
        harness.modem("+CME ERROR: 30")
        guard case .failed(let detail) = Self.finished(harness, 1) else {
            Issue.record("not failed")
            return
        }
        #expect(detail.contains("+CME ERROR: 30"))
        harness.handle(.ussd("*100#", timeout: .seconds(10), requestID: 2))
        harness.modem("OK")
        harness.modem("+CUSD: 4")
        guard case .failed(let second) = Self.finished(harness, 2) else {
            Issue.record("not failed")
            return
        }
        #expect(second.contains("does not support"))
    }

    @Test("a menu (<m> = 1) is answered and the session ended with AT+CUSD=2")
    func menuEnded() {
        var harness = SessionSendingTests.ready(.test())
        harness.handle(.ussd("*100#", timeout: .seconds(10), requestID: 3))
        harness.modem("OK")
        harness.modem(#"+CUSD: 1,"Kontostand: 3.00 EUR Bitte w{hlen Sie: 1 Konto aufladen""#)
        #expect(Self.finished(harness, 3).map { if case .answered = $0 { true } else { false } } == true)
        #expect(harness.lastWrite == "AT+CUSD=2")
    }

    @Test("a second request while one is open is refused; so is one while not ready")
    func oneAtATime() {
        var harness = SessionSendingTests.ready(.test())
        harness.handle(.ussd("*100#", timeout: .seconds(10), requestID: 4))
        let actions = harness.handle(.ussd("*101#", timeout: .seconds(10), requestID: 5))
        #expect(actions.contains { if case .ussdFinished(5, .failed) = $0 { true } else { false } })
        var stopped = SessionHarness(.test())
        let refused = stopped.handle(.ussd("*100#", timeout: .seconds(10), requestID: 6))
        #expect(refused.contains { if case .ussdFinished(6, .failed) = $0 { true } else { false } })
    }
}
