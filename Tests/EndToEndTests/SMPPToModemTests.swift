import Foundation
import Testing

/// The whole MT path with the real executables: an ESME (smpplib) submits over SMPP to
/// smsgw-ingressd, which stores each message durably and wakes smsgw-queued; queued routes and
/// hands the PDUs to smsgw-modemd; the simulated modems answer AT+CMGS and later send status
/// reports. The simulator's AT+CMGS count is the witness that each message went out once.
@Suite("SMPP to the modems", .serialized)
struct SMPPToModemTests {
    /// The queue, modemd, the simulator and ingressd on a free SMPP port (account `platform`,
    /// system_id `esme`, password `s3cret`); `extra` is appended to the configuration.
    static func startBox(extra: String = "") async throws -> (QueuedBox, Int) {
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

            """ + extra)
        try await box.start()
        box.processes["ingressd"] = try box.launch("smsgw-ingressd", ["--config", box.configPath], log: "ingressd")
        try await box.waitFor("ingressd's ready line") { box.log("ingressd").contains("ingressd ready") }
        return (box, port)
    }

    /// Runs `script` (argv[1] = the SMPP port) with the venv's Python; what it printed.
    static func runPython(_ script: String, port: Int, box: QueuedBox) throws -> String {
        let run = Process()
        run.executableURL = URL(fileURLWithPath: IngressSMPPBox.python)
        run.arguments = ["-c", script, String(port)]
        let output = Pipe()
        run.standardOutput = output
        try run.run()
        run.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(run.terminationStatus == 0, "smpplib failed; ingressd log:\n\(box.log("ingressd").suffix(2000))")
        return printed
    }

    @Test func submitsReachTheModemsOnceAndReportsComeBack() async throws {
        let (box, port) = try await Self.startBox()
        let script = #"""
            import sys, time, smpplib.client
            port = int(sys.argv[1])
            client = smpplib.client.Client('127.0.0.1', port, timeout=10)
            client.connect()  # ingressd said it is ready: its port is bound
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
        let printed = try Self.runPython(script, port: port, box: box)
        #expect(printed.contains("submitted 30"))

        try await box.waitFor("30 messages sent and their reports in", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state IN ('delivered', 'failed')") == 30
        }
        let audit = try box.audit()
        #expect(audit.messages.count == 30 && audit.problems.isEmpty, "each message went out exactly once: \(audit.problems)")
        #expect(try box.count("SELECT count(*) FROM attempts") == 30)
        #expect(try box.count("SELECT count(*) FROM upstream_outbox") == 30, "one DLR queued per message")
        box.stop()
    }

    /// Upstream-split long messages (three UDH parts sent out of order; three SAR parts) are
    /// one message each, so the queue sends every part of one message from ONE SIM, or the
    /// handset could not put it together; four modems are free, so a part-by-part pick would
    /// spread them. Each part goes out once and the reports make both messages delivered; each
    /// submit was answered with its own id, and each gets its own receipt.
    @Test func upstreamSplitPartsGoOutFromOneSIM() async throws {
        let (box, port) = try await Self.startBox()
        let printed = try Self.runPython(#"""
            import sys, time, smpplib.client, smpplib.gsm
            port = int(sys.argv[1])
            client = smpplib.client.Client('127.0.0.1', port, timeout=10)
            client.connect()
            client.bind_transmitter(system_id='esme', password='s3cret')
            def submit(short_message, **fields):
                client.send_message(source_addr_ton=5, source_addr='Shop', dest_addr_ton=1, dest_addr_npi=1,
                                    destination_addr='31612340001', registered_delivery=1,
                                    short_message=short_message, **fields)
                resp = client.read_pdu()
                assert resp.command == 'submit_sm_resp' and resp.status == 0, (resp.command, resp.status)
                return resp.message_id.decode()
            text = ''.join(chr(ord('a') + i % 26) for i in range(400))
            parts, coding, esm = smpplib.gsm.make_parts(text)
            udh = {submit(parts[i], data_coding=coding, esm_class=esm) for i in (0, 2, 1)}
            sar = {submit(text[i:i + 153].encode(), data_coding=0, sar_msg_ref_num=77, sar_total_segments=3,
                          sar_segment_seqnum=n) for n, i in enumerate(range(0, 400, 153), start=1)}
            assert len(udh) == 3 and len(sar) == 3 and not udh & sar, (udh, sar)
            client.unbind()
            client.disconnect()
            print('submitted 2')
            """#, port: port, box: box)
        #expect(printed.contains("submitted 2"))
        try await box.waitFor("both messages delivered", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'delivered'") == 2
        }
        #expect(try box.count("SELECT count(*) FROM messages") == 2)
        #expect(try box.count("SELECT count(*) FROM message_parts") == 6)
        #expect(try box.count("SELECT count(DISTINCT message_id || '/' || sim_id) FROM message_parts") == 2,
                "every part of a message from the same SIM")
        // Part by part, from the simulator's ledger: six bodies went out, each the one the store
        // recorded for a part (the modem and the TP-MR it answered).
        let bodies = try box.ledger().filter(\.wentOut)
        let recorded = try box.database().connection.query(
            "SELECT d.name || '/' || p.tp_mr FROM message_parts p JOIN modems d ON d.id = p.modem_id") { $0.text(0) }
        #expect(bodies.count == 6 && Set(bodies.map { "\($0.modem)/\($0.reference ?? -1)" }) == Set(recorded),
                "each part went out exactly once: \(bodies) against \(recorded)")
        #expect(try box.count("SELECT count(*) FROM upstream_outbox") == 6, "one DLR per submitted part")
        box.stop()
    }
}
