import Foundation
import Testing

/// The whole MT path with the real executables: an ESME (smpplib) submits over SMPP to
/// smsgw-ingressd, which stores each message durably and wakes smsgw-queued; queued routes and
/// hands the PDUs to smsgw-modemd; the simulated modems answer AT+CMGS and later send status
/// reports. The simulator's AT+CMGS count is the witness that each message went out once.
@Suite("SMPP to the modems", .serialized)
struct SMPPToModemTests {
    @Test func submitsReachTheModemsOnceAndReportsComeBack() async throws {
        let port = try IngressSMPPBox.freePort()
        // SHA-512-crypt of "s3cret", as in IngressSMPPBox.
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup + """

            [listeners.smpp]
            address = "127.0.0.1"
            port = \(port)
            [listeners.http]
            enabled = false
            [[accounts]]
            id = "platform"
            [accounts.smpp]
            system_id = "esme"
            password = "$6$CmmSzAvNrBsGTgx9$fxs62GA.TdrT//4fTapoWOXGebohb7.YbxQaYno7CQmNO/X6MOPjjNlWj6o7TT0vvr.eWbBrXTt8SgnnPgUiO."

            """)
        try await box.start()
        box.processes["ingressd"] = try box.launch("smsgw-ingressd", ["--config", box.configPath], log: "ingressd")

        let script = #"""
            import sys, time, smpplib.client
            port = int(sys.argv[1])
            client = smpplib.client.Client('127.0.0.1', port, timeout=10)
            for attempt in range(100):  # ingressd may still be binding its port
                try:
                    client.connect()
                    break
                except Exception:
                    time.sleep(0.1)
            client.bind_transmitter(system_id='esme', password='s3cret')
            for index in range(30):
                # GSM-7 with extension characters, and UCS-2 every third message.
                if index % 3:
                    text, coding = ('Code %04d [ok] costs 1 EUR' % index).encode(), 0
                else:
                    text, coding = ('Код %04d' % index).encode('utf-16-be'), 8
                client.send_message(source_addr_ton=5, source_addr='Shop', dest_addr_ton=1, dest_addr_npi=1,
                                    destination_addr='3161234%04d' % index, registered_delivery=1,
                                    short_message=text, data_coding=coding)
                resp = client.read_pdu()
                assert resp.command == 'submit_sm_resp' and resp.status == 0, (resp.command, resp.status)
            client.unbind()
            client.disconnect()
            print('submitted 30')
            """#
        let run = Process()
        run.executableURL = URL(fileURLWithPath: IngressSMPPBox.python)
        run.arguments = ["-c", script, String(port)]
        let output = Pipe()
        run.standardOutput = output
        try run.run()
        run.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(run.terminationStatus == 0, "smpplib failed; ingressd log:\n\(box.log("ingressd").suffix(2000))")
        #expect(printed.contains("submitted 30"))

        try await box.waitFor("30 messages sent and their reports in", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('delivered', 'failed')") == 30
        }
        #expect(try box.simulatorSent().values.reduce(0, +) == 30, "each message went out exactly once")
        #expect(try box.count("SELECT count(*) FROM attempts") == 30)
        #expect(try box.count("SELECT count(*) FROM upstream_outbox") == 30, "one DLR queued per message")
        box.stop()
    }
}
