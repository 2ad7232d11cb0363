import ATCommands
import GatewayCore
import ModemSession
import Testing

/// Banners and indications real modules print: known URCs, never
/// "unrecognised lines", and the session acts on those it cares about.
@Suite("ModemSession: banners and indications")
struct SessionUnsolicitedTests {
    @Test("start-up banners of SIMCom, Quectel and Huawei modules are known URCs", arguments: [
        "+CFUN: 1", "+QUSIM: 1", "+QIND: SMS DONE", "+CPIN: READY", "SMS DONE", "PB DONE", "Call Ready",
        "^SIMST: 1", "^SRVST: 2", "^RSSI: 18", "^MODE: 5,4", "+CREG: 1", "+QIND: \"csq\",20,99",
    ])
    func bannersAreKnown(line: String) {
        var harness = SessionSendingTests.ready()
        let actions = harness.modem(line)
        #expect(!SessionHarness.logLines(in: actions).contains { $0.hasPrefix("unrecognised line") }, "\(line)")
        #expect(harness.session.status.state == .ready, "\(line) leaves a ready modem ready")
    }

    @Test("^RSSI and an unsolicited +CSQ update the signal")
    func signal() {
        var harness = SessionSendingTests.ready()
        harness.modem("^RSSI: 9")
        #expect(harness.session.status.signal == SignalQuality(rssi: 9, bitErrorRate: 99))
        harness.modem("+CSQ: 25,0")
        #expect(harness.session.status.signal == SignalQuality(rssi: 25, bitErrorRate: 0))
    }

    @Test("SIM removed while ready: sends handed back (written one unknown), init again, waiting for the SIM",
          arguments: ["+CPIN: NOT READY", "+CPIN: NOT INSERTED", "^SIMST: 255"])
    func simRemoved(line: String) {
        var harness = SessionAbandonTests.busy()
        harness.modem(line)
        #expect(harness.outcomes[1] == .unknown(references: [], partIndex: 0))
        #expect(SessionAbandonTests.isNotAttempted(harness.outcomes[2]))
        #expect(harness.session.status.state == .initializing)
        #expect(harness.lastWrite == "ATE0", "init starts again")
        // The SIM comes back: init completes and the modem is ready again.
        harness.answerUntilReady()
        #expect(harness.session.status.state == .ready)
    }
}
