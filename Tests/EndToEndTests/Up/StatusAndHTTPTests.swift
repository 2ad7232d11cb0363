import Foundation
import GatewayCore
import GatewayIPC
@testable import SmsgwctlCommands
import Testing

/// `status` text from fixed daemon answers, and the HTTP response parser `send` uses.
@Suite struct StatusAndHTTPTests {
    @Test func statusTable() {
        let modem = ModemdModemStatus.fixture(id: "m1", signal: 17, slot: 1)
        var down = ModemdModemStatus.fixture(id: "m2", signal: nil, slot: 0)
        down.state = "booting"
        let sims = SimdStatus.fixture([("m1-a", "m1", 0, "standby"), ("m1-b", "m1", 1, "active")])
        let queue = QueueStatus(depth: ["queued": ["otp": 2, "marketing": 3]], inFlight: ["m1": 7], readyModems: ["m1"],
                                oldestWaitingMilliseconds: 4_200, pausedModems: [], pausedSIMs: [], modemdConnected: true, counters: [:])
        var status = BoxStatus(modems: [modem, down], sims: sims, queue: queue,
                               health: ["modemd": DaemonHealth(healthy: true, progress: 3, detail: "1/2 modems ready")],
                               unreachable: ["simd": "cannot reach smsgw-simd"])
        // Newest first, as the store gives them; a power cycle has no pid, a kill has one.
        status.escalations = [
            StatusEscalation(at: StatusEscalation.rfc3339(Timestamp(millisecondsSince1970: 1_795_988_401_999)), subject: "modem:m2",
                             step: "power_cycle", pid: nil, reason: "modem m2 failed for 6000 ms",
                             outcome: "modemd: power cycle of m2 started"),
            StatusEscalation(at: "2026-11-29T21:39:30Z", subject: "queued", step: "kill", pid: 4242,
                             reason: "still there 10000 ms after SIGTERM", outcome: "sent SIGKILL to 4242"),
        ]
        #expect(StatusTable.render(status) == """
            MODEM  STATE    SIGNAL   OPERATOR  ON AIR  SIMS                       SENT  LAST ERROR
            m1     ready    ▂▄▆· 17  Op        m1-b    m1-a standby, m1-b active  4
            m2     booting  -        Op        slot 0  -                          4
            queue: 5 waiting (queued 5), oldest waiting 4 s; 1 in flight; 1 ready modems
            health: modemd ok (progress 3) 1/2 modems ready
            health: simd DOWN: cannot reach smsgw-simd
            ESCALATED             SUBJECT            STEP         REASON                              OUTCOME
            2026-11-29T21:40:01Z  modem:m2           power_cycle  modem m2 failed for 6000 ms         modemd: power cycle of m2 started
            2026-11-29T21:39:30Z  queued (pid 4242)  kill         still there 10000 ms after SIGTERM  sent SIGKILL to 4242

            """)
        status.escalations = []
        #expect(StatusTable.render(status).hasSuffix("health: simd DOWN: cannot reach smsgw-simd\nescalations: none\n"))
        status.escalationsError = "/x/gateway.sqlite: busy"
        #expect(StatusTable.render(status).hasSuffix("\nescalations: cannot read them: /x/gateway.sqlite: busy\n"))
    }

    /// `--json`: the escalations as the table has them, newest first, every field named.
    @Test func statusJSON() throws {
        var status = BoxStatus(health: [:], unreachable: [:])
        status.escalations = [StatusEscalation(at: "2026-11-29T21:40:01Z", subject: "modem:m2", step: "power_cycle", pid: nil,
                                               reason: "modemd power-cycled modem m2 itself (its ladder, or an operator's request) (AT+CSQ timed out)",
                                               outcome: "done by modemd: 1 power cycle (1 since modemd started)")]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        #expect(String(decoding: try encoder.encode(status), as: UTF8.self) == """
            {
              "escalations" : [
                {
                  "at" : "2026-11-29T21:40:01Z",
                  "outcome" : "done by modemd: 1 power cycle (1 since modemd started)",
                  "reason" : "modemd power-cycled modem m2 itself (its ladder, or an operator's request) (AT+CSQ timed out)",
                  "step" : "power_cycle",
                  "subject" : "modem:m2"
                }
              ],
              "health" : {

              },
              "unreachable" : {

              }
            }
            """)
    }

    /// Content-Length, chunked (with an extension), and a close-delimited body; all fed whole
    /// (the client reads to the close before parsing).
    @Test func responses() throws {
        let plain = try HTTPResponseParser.parse(Array("HTTP/1.1 202 Accepted\r\nContent-Length: 5\r\ncontent-type: application/json\r\n\r\n{\"a\"}extra".utf8))
        #expect(plain.status == 202)
        #expect(plain.body == Array("{\"a\"}".utf8))
        #expect(plain.header("Content-Type") == "application/json")
        let chunked = try HTTPResponseParser.parse(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\n\r\n".utf8))
        #expect(chunked.body == Array("abc0123456789".utf8))
        let closed = try HTTPResponseParser.parse(Array("HTTP/1.0 404 Not Found\r\n\r\nnope".utf8))
        #expect(closed.status == 404 && closed.body == Array("nope".utf8))
    }

    /// Truncated and malformed answers are errors that say what is wrong, never a crash.
    @Test(arguments: [
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",  // body cut short
        "HTTP/1.1 200 OK\r\nContent-Le",  // headers cut short
        "SMPP 200 OK\r\n\r\n",  // not HTTP
        "HTTP/1.1 2000 OK\r\n\r\n",  // status of four digits
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",  // chunk size not hex
        "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
    ])
    func malformed(text: String) {
        #expect(throws: HTTPResponseParser.ParseError.self) { try HTTPResponseParser.parse(Array(text.utf8)) }
    }

    /// Every prefix of a valid response either parses to less or throws: none crashes.
    @Test func everyPrefix() {
        let bytes = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n".utf8)
        for end in 0...bytes.count { _ = try? HTTPResponseParser.parse(Array(bytes[..<end])) }
        #expect((try? HTTPResponseParser.parse(bytes))?.body == Array("abc".utf8))
    }
}

extension ModemdModemStatus {
    static func fixture(id: String, signal: Int?, slot: Int) -> ModemdModemStatus {
        ModemdModemStatus(id: id, state: "ready", sending: false, queued: 0, signal: signal, registration: 1, operatorName: "Op",
                          slot: slot, model: nil, imei: nil, imsi: nil, iccid: nil, lastError: nil, counters: ["sends_succeeded": 4])
    }
}

extension SimdStatus {
    static func fixture(_ sims: [(String, String, Int, String)]) -> SimdStatus {
        SimdStatus(sims: sims.map { sim, modem, slot, state in
            SimdSIMStatus(sim: sim, modem: modem, slot: slot, iccid: nil, state: state, since: nil, reason: "", evidence: nil,
                          coolingUntil: nil, lastRotationAt: nil, onAirSince: nil, sentHour: 0, sentDay: 0, sentMonth: 0,
                          uniqueRecipients: 0, perHour: 10, perDay: 100, perMonth: 1000)
        }, pausedModems: [], queuedConnected: true, modemdConnected: true)
    }
}
