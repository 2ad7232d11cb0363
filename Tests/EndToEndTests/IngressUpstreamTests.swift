import Foundation
import GatewayCore
import GatewayStore
import GatewayTestSupport
import Testing

/// What goes back upstream, from outside (docs/ingressd.md, "Upstream delivery"): the real
/// smsgw-ingressd with a real SQLite file; DLRs and inbound messages are put in the store as
/// queued and modemd would, and smpplib 2.2.4 binds as the receiver that gets them.
@Suite("ingressd upstream delivery", .serialized)
struct IngressUpstreamTests {
    /// A receiver that prints every deliver_sm it gets (as JSON lines) for `seconds` or until
    /// `count` arrived; it answers each with deliver_sm_resp ESME_ROK (smpplib does).
    static func receiverScript(count: Int, seconds: Int = 10, kind: String = "bind_receiver") -> String {
        #"""
        import json, sys, time, smpplib.client
        port = int(sys.argv[1])
        client = smpplib.client.Client('127.0.0.1', port, timeout=2)
        got = []
        def handler(pdu):
            text = pdu.short_message or b''
            got.append(dict(esm_class=pdu.esm_class, data_coding=pdu.data_coding,
                            text=text.decode('latin-1'), source=pdu.source_addr.decode(), source_ton=pdu.source_addr_ton,
                            destination=pdu.destination_addr.decode(),
                            receipted=(pdu.receipted_message_id or b'').decode() if isinstance(pdu.receipted_message_id, bytes) else pdu.receipted_message_id,
                            state=pdu.message_state,
                            payload=(pdu.message_payload.hex() if pdu.message_payload else None)))
        client.set_message_received_handler(handler)
        client.connect()
        getattr(client, '\#(kind)')(system_id='esme', password='s3cret')
        deadline = time.time() + \#(seconds)
        while len(got) < \#(count) and time.time() < deadline:
            try:
                client.read_once()
            except Exception as error:
                if 'timed out' not in str(error): raise
        for item in got: print(json.dumps(item, sort_keys=True))
        client.unbind()
        """#
    }

    static func items(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// Puts a delivered message with a DLR in the outbox, as a status report would.
    static func queueDLR(_ database: GatewayDatabase, state: MessageState, text: String = "Your code is 1234") throws -> Int64 {
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let id = try database.accept([NewMessage(
            account: "platform", source: "Shop", destination: "+4915112345678", messageClass: .otp, text: text,
            encoding: .gsm7, partsHex: ["0100"], expiresAt: now + .seconds(3600), reportMask: .final)], now: now)[0]
        let payload = DeliveryReportPayload(messageID: id, upstreamMessageID: nil, clientReference: nil, state: state,
                                            at: now, statusReportID: 0)
        _ = try database.enqueueOutbox(kind: .dlr, account: "platform", messageID: id, payload: Array(payload.json.utf8), now: now)
        return id
    }

    /// Waits until the outbox sweep marked message `id`'s DLR held (no receiver bound): a turn
    /// of the outbox has looked at it.
    static func waitUntilHeld(_ database: GatewayDatabase, message id: Int64) async throws {
        try await Eventually.wait(for: "the sweep to hold the DLR of message \(id)", within: .seconds(10)) {
            try database.connection.queryFirst("SELECT last_error FROM upstream_outbox WHERE message_id = ?", id) {
                $0.optionalText(0)
            } == GatewayDatabase.heldMarker
        }
    }

    static func outboxStates(_ database: GatewayDatabase) throws -> [String] {
        try database.connection.query("SELECT state FROM upstream_outbox ORDER BY id") { $0.text(0) }
    }

    /// A DLR queued while no receiver is bound is held (not spent: attempts stay 0); when a
    /// receiver binds it comes at once as deliver_sm with esm_class 0x04, the Appendix B
    /// receipt text, receipted_message_id and message_state DELIVERED (2); deliver_sm_resp
    /// ESME_ROK makes the entry done.
    @Test func dlrHeldUntilReceiverBindsThenDelivered() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let database = try GatewayDatabase(path: box.databasePath, now: Timestamp(millisecondsSince1970: 0))
        let id = try Self.queueDLR(database, state: .delivered)
        try await Self.waitUntilHeld(database, message: id)  // a sweep with nobody bound
        let held = try database.connection.queryFirst("SELECT state, attempts, last_error FROM upstream_outbox") {
            ($0.text(0), $0.int(1), $0.optionalText(2))
        }
        #expect(held?.0 == "pending" && held?.1 == 0 && held?.2 == GatewayDatabase.heldMarker)
        let started = ContinuousClock.now
        let items = try Self.items(box.runPython(Self.receiverScript(count: 1)))
        let elapsed = ContinuousClock.now - started
        try #require(items.count == 1)
        let item = items[0]
        #expect(item["esm_class"] as? Int == 4)
        #expect(item["receipted"] as? String == String(id))
        #expect(item["state"] as? Int == 2)
        #expect(item["source"] as? String == "4915112345678" && item["source_ton"] as? Int == 1)
        #expect(item["destination"] as? String == "Shop")
        let text = item["text"] as? String ?? ""
        #expect(text.hasPrefix("id:\(id) sub:001 dlvrd:001 submit date:"))
        #expect(text.contains(" stat:DELIVRD err:000 text:Your code is 1234"))
        #expect(try Self.outboxStates(database) == ["done"])
        print("DLR held then delivered: bind to deliver_sm in \(elapsed)")
        #expect(elapsed < .seconds(5))
    }

    /// A failed message's DLR says UNDELIV / message_state UNDELIVERABLE (5) and dlvrd:000.
    @Test func failedDLRIsUndeliverable() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let database = try GatewayDatabase(path: box.databasePath, now: Timestamp(millisecondsSince1970: 0))
        _ = try Self.queueDLR(database, state: .failed)
        let items = try Self.items(box.runPython(Self.receiverScript(count: 1, kind: "bind_transceiver")))
        try #require(items.count == 1)
        #expect(items[0]["state"] as? Int == 5)
        #expect((items[0]["text"] as? String ?? "").contains("dlvrd:000"))
        #expect((items[0]["text"] as? String ?? "").contains("stat:UNDELIV"))
    }

    /// MO: an inbound message stored by "modemd" with no reply history goes to
    /// `[inbound] default_account` as a plain deliver_sm (esm_class 0): GSM text as data_coding
    /// 0, a Cyrillic one as UCS-2 (8), and one of 300 characters in message_payload.
    @Test func inboundMessagesGoUpAsDeliverSM() async throws {
        let box = try IngressSMPPBox(extra: "[inbound]\ndefault_account = \"platform\"\n")
        try await box.start()
        let database = try GatewayDatabase(path: box.databasePath, now: Timestamp(millisecondsSince1970: 0))
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let modem = try database.upsertModem(name: "m1", device: "/dev/null", now: now)
        let sim = try database.upsertSim(iccid: "8931000000000000001", imsi: nil, operatorName: nil, modemID: modem, slot: 0, now: now)
        let long = String(repeating: "y", count: 300)
        for text in ["Yes please", "Да, спасибо", long] {
            _ = try database.storeInboundPart(NewInboundPart(
                modemID: modem, simID: sim, originator: "+4915199999999", concatenation: nil, pduHex: "00",
                text: text, serviceCentreTime: nil, receivedAt: now))
        }
        let items = try Self.items(box.runPython(Self.receiverScript(count: 3)))
        try #require(items.count == 3)
        #expect(items.allSatisfy { $0["esm_class"] as? Int == 0 && $0["source"] as? String == "4915199999999" })
        // The dispatcher delivers a claimed batch concurrently: match by content, not by order.
        let gsm = items.first { $0["text"] as? String == "Yes please" }
        #expect(gsm?["data_coding"] as? Int == 0)
        #expect(gsm?["destination"] as? String == "8931000000000000001")  // no MSISDN known: the ICCID
        let ucs2Item = items.first { $0["data_coding"] as? Int == 8 }
        let ucs2 = (ucs2Item?["text"] as? String ?? "").data(using: .isoLatin1) ?? Data()
        #expect(String(data: ucs2, encoding: .utf16BigEndian) == "Да, спасибо")
        let payload = Data(long.utf8).map { String(format: "%02x", $0) }.joined()
        #expect(items.contains { $0["text"] as? String == "" && $0["payload"] as? String == payload })
        #expect(try Self.outboxStates(database) == ["done", "done", "done"])
        let forwarded = try database.connection.query("SELECT forward_state FROM inbound_messages") { $0.text(0) }
        #expect(forwarded == ["enqueued", "enqueued", "enqueued"])
    }

    /// Without a default account and with no reply history, an inbound message stays in the
    /// store (forward_state pending), logged once however many sweeps see it.
    @Test func inboundWithoutAccountStaysAndIsLoggedOnce() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let database = try GatewayDatabase(path: box.databasePath, now: Timestamp(millisecondsSince1970: 0))
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let modem = try database.upsertModem(name: "m1", device: "/dev/null", now: now)
        _ = try database.storeInboundPart(NewInboundPart(
            modemID: modem, simID: nil, originator: "+4915199999999", concatenation: nil, pduHex: "00",
            text: "Hello?", serviceCentreTime: nil, receivedAt: now))
        try await Eventually.wait(for: "the sweep to log the unrouted message", within: .seconds(10), context: { box.log }) {
            box.log.contains("inbound message has no account")
        }
        // More turns of the outbox, each forwarding inbound first: a DLR queued once the one
        // before it was held is held by a later turn (nobody is bound), so after two, at least
        // one whole turn has looked at the inbound message again.
        for _ in 0..<2 { try await Self.waitUntilHeld(database, message: try Self.queueDLR(database, state: .delivered)) }
        let forwarded = try database.connection.query("SELECT forward_state FROM inbound_messages") { $0.text(0) }
        #expect(forwarded == ["pending"])
        #expect(try database.connection.query("SELECT kind FROM upstream_outbox WHERE kind != 'dlr'") { $0.text(0) }.isEmpty)
        #expect(box.log.components(separatedBy: "inbound message has no account").count == 2)
    }

    /// Throughput: an account allowed 5 messages/s that pipelines 30 submits gets the first ~5
    /// accepted and the rest ESME_RTHROTTLED (0x58); the window (here 10) refuses the 11th
    /// unanswered submit with ESME_RMSGQFUL (0x14) — only when the commits are slower than the
    /// reads, so that count is reported, not asserted.
    @Test func throughputIsLimited() async throws {
        let box = try IngressSMPPBox(throughput: 5, window: 10)
        try await box.start()
        let output = try box.runPython(#"""
            import socket, struct, sys, collections
            port = int(sys.argv[1])
            def pdu(command, sequence, body=b''):
                return struct.pack('>IIII', 16 + len(body), command, 0, sequence) + body
            def read(sock):
                head = b''
                while len(head) < 16: head += sock.recv(16 - len(head))
                length, command, status, sequence = struct.unpack('>IIII', head)
                rest = b''
                while len(rest) < length - 16: rest += sock.recv(length - 16 - len(rest))
                return command, status, sequence
            s = socket.create_connection(('127.0.0.1', port), timeout=10)
            s.sendall(pdu(0x02, 1, b'esme\x00s3cret\x00\x00\x34\x00\x00\x00'))
            assert read(s)[1] == 0
            s.sendall(b''.join(pdu(0x04, 2 + i, b'\x00\x05\x00Shop\x00\x01\x01491511%04d\x00' % i + b'\x00' * 9 + b'\x05Hello')
                               for i in range(30)))
            statuses = collections.Counter(read(s)[1] for _ in range(30))
            print(statuses[0], statuses[0x58], statuses[0x14])
            """#)
        let counts = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        try #require(counts.count == 3)
        print("throughput 5/s, 30 pipelined: \(counts[0]) accepted, \(counts[1]) throttled, \(counts[2]) window full")
        #expect((5...7).contains(counts[0]))
        #expect(counts[1] >= 20)
        #expect(counts[0] + counts[1] + counts[2] == 30)
    }

    /// Session health: with enquire_link_interval 300ms we probe a quiet bound peer with
    /// enquire_link; a peer that never answers is unbound and closed after inactivity_timeout
    /// (1500ms).
    @Test func enquireLinkFromUsAndIdleClose() async throws {
        let box = try IngressSMPPBox(smppExtra: "enquire_link_interval = \"300ms\"\ninactivity_timeout = \"1500ms\"")
        try await box.start()
        let output = try box.runPython(#"""
            import socket, struct, sys, time
            port = int(sys.argv[1])
            def pdu(command, sequence, body=b'', status=0):
                return struct.pack('>IIII', 16 + len(body), command, status, sequence) + body
            def read(sock):
                head = b''
                while len(head) < 16:
                    chunk = sock.recv(16 - len(head))
                    if not chunk: return None
                    head += chunk
                length, command, status, sequence = struct.unpack('>IIII', head)
                rest = b''
                while len(rest) < length - 16: rest += sock.recv(length - 16 - len(rest))
                return command, status, sequence
            s = socket.create_connection(('127.0.0.1', port), timeout=10)
            s.sendall(pdu(0x09, 1, b'esme\x00s3cret\x00\x00\x34\x00\x00\x00'))
            assert read(s)[1] == 0
            started = time.monotonic()
            command, _, sequence = read(s)
            print('%08x %.1f' % (command, time.monotonic() - started))
            s.sendall(pdu(0x80000015, sequence))  # answered once: silence starts again
            seen = []
            while True:
                got = read(s)
                if got is None: break
                seen.append('%08x' % got[0])
            print(' '.join(seen), '%.1f' % (time.monotonic() - started))
            """#)
        let lines = output.split(separator: "\n").map(String.init)
        try #require(lines.count == 2)
        #expect(lines[0].hasPrefix("00000015 "))  // enquire_link from us
        let probe = Double(lines[0].split(separator: " ")[1]) ?? 99
        #expect(probe >= 0.2 && probe < 1.2)
        // Probes while silent, then unbind (0x06), then the connection closes.
        let closing = lines[1].split(separator: " ").map(String.init)
        #expect(closing.dropLast().last == "00000006")
        #expect(closing.dropLast().dropLast().allSatisfy { $0 == "00000015" })
        let closedAfter = Double(closing.last ?? "") ?? 99
        #expect(closedAfter >= 1.5 && closedAfter < 5)
    }

    /// A receiver that answers the first deliver_sm with ESME_RX_T_APPN (0x64): the entry is
    /// retried after `delivery.retry_delay` (200ms here) and done on the ESME_ROK that follows;
    /// attempts count both.
    @Test func errorAnswerIsRetriedAfterBackOff() async throws {
        let box = try IngressSMPPBox(extra: "[delivery]\nretry_delay = \"200ms\"\nretry_delay_max = \"1s\"\n")
        try await box.start()
        let database = try GatewayDatabase(path: box.databasePath, now: Timestamp(millisecondsSince1970: 0))
        _ = try Self.queueDLR(database, state: .delivered)
        let output = try box.runPython(#"""
            import sys, time, smpplib.client
            client = smpplib.client.Client('127.0.0.1', int(sys.argv[1]), timeout=2)
            times = []
            def handler(pdu):
                times.append(time.monotonic())
                return 0x64 if len(times) == 1 else None
            client.set_message_received_handler(handler)
            client.connect()
            client.bind_receiver(system_id='esme', password='s3cret')
            deadline = time.time() + 8
            while len(times) < 2 and time.time() < deadline:
                try:
                    client.read_once()
                except Exception as error:
                    if 'timed out' not in str(error): raise
            print(len(times), '%.2f' % (times[1] - times[0]) if len(times) > 1 else '-')
            client.unbind()
            """#)
        let fields = output.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(fields.first == "2")
        let gap = Double(fields.last ?? "") ?? 0
        #expect(gap >= 0.15 && gap < 2.5)
        // The second deliver_sm_resp (ESME_ROK) went out before the script ended; the entry is
        // done once ingressd has read it.
        try await Eventually.wait(for: "the entry to be done", within: .seconds(10)) {
            try Self.outboxStates(database) == ["done"]
        }
        let row = try database.connection.queryFirst("SELECT state, attempts, last_error FROM upstream_outbox") {
            ($0.text(0), $0.int(1), $0.optionalText(2))
        }
        #expect(row?.0 == "done" && row?.1 == 2)
        #expect(row?.2?.contains("deliver_sm") == true)
    }

    /// SIGTERM: a bound receiver is sent unbind (we answer nothing more after), and the daemon
    /// exits once the session is closed.
    @Test func sigtermUnbindsBoundSessions() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let pid = try #require(box.process?.processIdentifier)
        let output = try box.runPython(#"""
            import os, signal, socket, struct, sys, time
            port = int(sys.argv[1])
            def pdu(command, sequence, body=b''):
                return struct.pack('>IIII', 16 + len(body), command, 0, sequence) + body
            def read(sock):
                head = b''
                while len(head) < 16:
                    chunk = sock.recv(16 - len(head))
                    if not chunk: return None
                    head += chunk
                length, command, status, sequence = struct.unpack('>IIII', head)
                rest = b''
                while len(rest) < length - 16: rest += sock.recv(length - 16 - len(rest))
                return command, status, sequence
            s = socket.create_connection(('127.0.0.1', port), timeout=10)
            s.sendall(pdu(0x01, 1, b'esme\x00s3cret\x00\x00\x34\x00\x00\x00'))
            assert read(s)[1] == 0
            os.kill(\#(pid), signal.SIGTERM)
            command, _, sequence = read(s)
            print('%08x' % command)
            s.sendall(pdu(0x80000006, sequence))
            print('closed' if read(s) is None else 'open')
            """#)
        #expect(output.split(separator: "\n") == ["00000006", "closed"])
        try await Eventually.wait(for: "ingressd to exit", within: .seconds(5)) { box.process?.isRunning == false }
        #expect(box.process?.terminationStatus == 0)
    }

    /// Repeated bind failures from one address: the first 5 are answered at once, the 6th and
    /// 7th only after the growing delay (250 ms, 500 ms); even the right password then waits.
    @Test func repeatedBindFailuresAreSlowedDown() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(#"""
            import socket, struct, sys, time
            port = int(sys.argv[1])
            def bind(s, password):
                body = b'esme\x00' + password + b'\x00\x00\x34\x00\x00\x00'
                s.sendall(struct.pack('>IIII', 16 + len(body), 0x02, 0, 1) + body)
                started = time.monotonic()
                head = s.recv(16)
                length, command, status, sequence = struct.unpack('>IIII', head)
                if length > 16: s.recv(length - 16)
                return status, time.monotonic() - started
            s = socket.create_connection(('127.0.0.1', port), timeout=10)
            for attempt in range(7):
                status, took = bind(s, b'wrong')
                print(status, '%.2f' % took)
            status, took = bind(s, b's3cret')
            print(status, '%.2f' % took)
            """#)
        let rows = output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        try #require(rows.count == 8)
        #expect(rows.prefix(7).allSatisfy { $0.first == "13" })
        #expect(rows.prefix(5).allSatisfy { (Double($0.last ?? "") ?? 9) < 0.2 })
        #expect((Double(rows[5].last ?? "") ?? 0) >= 0.2)
        #expect((Double(rows[6].last ?? "") ?? 0) >= 0.45)
        #expect(rows[7].first == "0" && (Double(rows[7].last ?? "") ?? 0) >= 0.9)
    }
}
