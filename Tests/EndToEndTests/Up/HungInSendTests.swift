import Foundation
import GatewayStore
import GatewayTestSupport
import Testing

/// The budget "a hung modem is detected within 30 s and power-cycled" under traffic, where a
/// modem is nearly always inside a send: the simulator lets m2 take a PDU after `AT+CMGS`'s
/// `> ` prompt and then hang (`hang-in-send`). With `modem_hang_timeout` 5 s and
/// `modem_poll_interval` 1 s (HungModemTests' timings: probe 0.8 s), modemd waits 4.2 s for
/// `+CMGS:`, probes 0.8 s, and cuts the power without a soft reset: 5 s after the prompt (it
/// was 5 + 0.8 + 1.6 = 7.4 s, and 42 s with the shipped timings, before the send's rung).
/// The message whose PDU m2 took is `unknown` (it may have gone out); every other is delivered.
@Suite(.serialized) struct HungInSendTests {
    @Test(.timeLimit(.minutes(2))) func modemHungInASendIsPowerCutWithinTheHangTimeout() throws {
        let box = try UpBox(watchdogSeconds: 3, settings: HungModemTests.settings)
        try box.start()
        let smpp = try SMPPProbe(port: box.smppPort)
        try smpp.bind(systemID: "demo", password: "demo")
        _ = try box.simulatorControl(#"{"command":"hang-in-send","modem":"m2"}"#)

        // One message every 100 ms until one of them reaches m2, which takes it and hangs.
        var submitted: [String] = []
        var hungAt: Date?
        var cutAfter: TimeInterval?
        try box.waitFor("m2 hung in a send, then power-cut", seconds: 40) {
            let m2 = try HungModemTests.simulatedModem("m2", box: box)
            if hungAt == nil {
                if m2.misbehaviours == ["hang"] {
                    hungAt = Date()
                } else if submitted.count < 64 {
                    submitted.append(try smpp.submit(to: "3161234\(5000 + submitted.count)", text: "towards the hang \(submitted.count)"))
                }
            }
            if let hungAt, m2.power == "off" { cutAfter = Date().timeIntervalSince(hungAt) }
            return cutAfter != nil
        }
        let cut = try #require(cutAfter)
        print("m2 hung in a send: power cut \(String(format: "%.2f", cut)) s after it took the PDU (\(submitted.count) submitted)")
        // Both instants are seen through 100 ms polls; 0.5 s is that and a loaded machine's slack.
        #expect(cut <= 5.5, "within modem_hang_timeout (5 s) of the `> ` prompt")
        #expect(cut >= 4.0, "not before +CMGS was given its 4.2 s")

        // The PDU m2 took: `unknown`, once; the rest delivered through the other SIMs.
        let database = try box.database()
        let unknown = try database.connection.query("""
            SELECT a.message_id FROM attempts a JOIN modems m ON m.id = a.modem_id WHERE m.name = 'm2' AND a.outcome = 'unknown'
            """) { String($0.int64(0)) }
        #expect(unknown.count == 1, "\(unknown)")
        try HungModemTests.expectDelivered(
            smpp.receipts(for: Set(submitted).subtracting(unknown), seconds: 30),
            of: submitted.filter { !unknown.contains($0) }, box: box)
        #expect(box.errors.contains("ladder step 3: GPIO power cycle (silent since the PDU: no soft reset)"))
    }
}
