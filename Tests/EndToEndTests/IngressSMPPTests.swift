import Foundation
import Testing

/// `smsgw-ingressd` from outside: smpplib 2.2.4 binds and submits over TCP; the rows are read
/// back from the real SQLite file (docs/ingressd.md).
@Suite("ingressd SMPP server", .serialized)
struct IngressSMPPTests {
    /// Binds as transceiver and submits three messages: GSM-7 in short_message (data_coding
    /// 0), UCS-2 (data_coding 8: Cyrillic cannot be GSM-7), and a 200-character GSM-7 text in
    /// message_payload (needs two concatenated parts, 153 septets each at most). Each
    /// submit_sm_resp carries the store's id, and the rows are queued with their parts.
    @Test func submitsAreDurableWithTheirParts() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(#"""
            import json, sqlite3, sys, smpplib.client
            port, db = int(sys.argv[1]), sys.argv[2]
            client = smpplib.client.Client('127.0.0.1', port, timeout=10)
            client.connect()
            client.bind_transceiver(system_id='esme', password='s3cret')
            ids = []
            def submit(**fields):
                client.send_message(source_addr_ton=5, source_addr='Shop', dest_addr_ton=1, dest_addr_npi=1,
                                    destination_addr='4915112345678', registered_delivery=1, **fields)
                resp = client.read_pdu()
                assert resp.command == 'submit_sm_resp' and resp.status == 0, (resp.command, resp.status)
                ids.append(resp.message_id.decode())
            submit(short_message=b'Hello world', data_coding=0)
            submit(short_message='Привет, мир'.encode('utf-16-be'), data_coding=8)
            submit(short_message=b'', message_payload=b'x' * 200, data_coding=0)
            client.unbind()
            client.disconnect()
            rows = []
            con = sqlite3.connect(db)
            for id in ids:
                state, text, encoding, dest, rd, account = con.execute(
                    'SELECT state, text, encoding, destination, registered_delivery, account FROM messages WHERE id = ?', (int(id),)).fetchone()
                parts = [r[0] for r in con.execute('SELECT pdu_hex FROM message_parts WHERE message_id = ? ORDER BY seq', (int(id),))]
                rows.append(dict(id=id, state=state, text=text, encoding=encoding, destination=dest, rd=rd, account=account, parts=parts))
            print(json.dumps(rows))
            """#)
        let rows = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] ?? []
        try #require(rows.count == 3)
        #expect(Set(rows.compactMap { $0["id"] as? String }).count == 3)
        #expect(rows.allSatisfy { $0["state"] as? String == "queued" && $0["account"] as? String == "platform" })
        #expect(rows.allSatisfy { $0["destination"] as? String == "+4915112345678" && $0["rd"] as? Int == 1 })
        #expect(rows[0]["text"] as? String == "Hello world")
        #expect(rows[0]["encoding"] as? String == "gsm7")
        #expect(rows[1]["text"] as? String == "Привет, мир")
        #expect(rows[1]["encoding"] as? String == "ucs2")
        #expect((rows[2]["parts"] as? [String])?.count == 2)
        // The store keeps TPDUs (no SMSC field: modemd puts the SIM's "00" in front): an
        // SMS-SUBMIT with TP-SRR (first octet 0x21), TP-MR 0, and TP-DCS 0x08 for UCS-2.
        let ucs2 = (rows[1]["parts"] as? [String])?.first ?? ""
        #expect(ucs2.hasPrefix("2100"))
        #expect(ucs2.contains("0D91945111325476F80008"))
    }

    /// A wrong password and an unknown system_id are both ESME_RBINDFAIL (0x0D), and the
    /// session that was refused can still bind with the right one.
    @Test func wrongCredentialsGetBindFail() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(#"""
            import sys, smpplib.client, smpplib.exceptions
            port = int(sys.argv[1])
            client = smpplib.client.Client('127.0.0.1', port, timeout=10)
            client.connect()
            for system_id, password in (('esme', 'wrong'), ('nobody', 's3cret')):
                try:
                    client.bind_transmitter(system_id=system_id, password=password)
                    print('bound')
                except smpplib.exceptions.PDUError as error:
                    print(error.args[1])
            client.bind_transmitter(system_id='esme', password='s3cret')
            print('bound')
            client.unbind()
            """#)
        #expect(output.split(separator: "\n") == ["13", "13", "bound"])
    }

    /// Raw bytes: an unknown command_id gets generic_nack ESME_RINVCMDID (§4.3.1), a submit_sm
    /// whose body stops inside service_type gets an error, a submit before bind gets
    /// ESME_RINVBNDSTS, and the session still answers enquire_link after each.
    @Test func malformedPDUsGetNacksAndTheSessionStaysUp() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(#"""
            import socket, struct, sys
            sock = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=10)
            def pdu(command, sequence, body=b''):
                return struct.pack('>IIII', 16 + len(body), command, 0, sequence) + body
            def read():
                head = b''
                while len(head) < 16: head += sock.recv(16 - len(head))
                length, command, status, sequence = struct.unpack('>IIII', head)
                rest = b''
                while len(rest) < length - 16: rest += sock.recv(length - 16 - len(rest))
                return '%08x %x %d' % (command, status, sequence)
            submit = b'\x00\x05\x00Shop\x00\x01\x01491511\x00' + b"\x00" * 9 + b'\x02Hi'
            sock.sendall(pdu(0x04, 1, submit)); print(read())
            sock.sendall(pdu(0x111, 2)); print(read())
            sock.sendall(pdu(0x15, 3)); print(read())
            sock.sendall(pdu(0x04, 4, b'ab')); print(read())
            sock.sendall(pdu(0x15, 5)); print(read())
            """#)
        let lines = output.split(separator: "\n").map(String.init)
        try #require(lines.count == 5)
        #expect(lines[0] == "80000004 4 1")  // submit_sm_resp ESME_RINVBNDSTS: not bound yet
        #expect(lines[1] == "80000000 3 2")  // generic_nack ESME_RINVCMDID
        #expect(lines[2] == "80000015 0 3")  // enquire_link_resp
        // The truncated submit_sm: an error answer (generic_nack or submit_sm_resp) to sequence 4.
        let truncated = lines[3].split(separator: " ")
        #expect(["80000000", "80000004"].contains(truncated.first ?? ""))
        #expect(truncated.count == 3 && truncated[1] != "0" && truncated[2] == "4")
        #expect(lines[4] == "80000015 0 5")  // still up
    }

    /// Group commit: four binds each pipeline 100 submits (a window of 100) without waiting;
    /// every one gets a distinct id, all 400 rows are in the store, and the commits were
    /// shared (far fewer commits than messages, as the ingressd debug log records them).
    @Test func concurrentSubmitsShareCommits() async throws {
        let box = try IngressSMPPBox(throughput: 100_000, window: 100)
        try await box.start()
        let output = try box.runPython(#"""
            import socket, sqlite3, struct, sys, time
            port, db = int(sys.argv[1]), sys.argv[2]
            def pdu(command, sequence, body=b''):
                return struct.pack('>IIII', 16 + len(body), command, 0, sequence) + body
            def read(sock):
                head = b''
                while len(head) < 16: head += sock.recv(16 - len(head))
                length, command, status, sequence = struct.unpack('>IIII', head)
                rest = b''
                while len(rest) < length - 16: rest += sock.recv(length - 16 - len(rest))
                return command, status, sequence, rest
            socks = [socket.create_connection(('127.0.0.1', port), timeout=20) for _ in range(4)]
            for s in socks:
                s.sendall(pdu(0x09, 1, b'esme\x00s3cret\x00\x00\x34\x00\x00\x00'))
                assert read(s)[1] == 0
            started = time.monotonic()
            for n, s in enumerate(socks):
                s.sendall(b''.join(pdu(0x04, 2 + i, b'\x00\x05\x00Shop\x00\x01\x01491511%04d\x00' % (n * 100 + i)
                                       + b'\x00' * 9 + b'\x05Hello') for i in range(100)))
            ids = set()
            for s in socks:
                for _ in range(100):
                    command, status, sequence, body = read(s)
                    assert command == 0x80000004 and status == 0, (command, status)
                    ids.add(body.rstrip(b'\x00').decode())
            elapsed = time.monotonic() - started
            count = sqlite3.connect(db).execute("SELECT count(*) FROM messages WHERE state = 'queued'").fetchone()[0]
            print(len(ids), count)
            print('%.1f' % (400 / elapsed), file=sys.stderr)
            """#)
        #expect(output.split(separator: "\n") == ["400 400"])
        let commits = box.log.split(separator: "\n").filter { $0.contains("group commit") }
        print("ingressd group commits for 400 pipelined submits: \(commits.count)")
        #expect(commits.count >= 2 && commits.count <= 100)
    }
}
