import Foundation
import GatewayTestSupport
import Testing

/// ingressd's other ESME requests from outside (docs/ingressd.md, "Other commands"):
/// submit_multi, data_sm, query_sm, replace_sm and cancel_sm against the real executable and
/// SQLite file. smpplib 2.2.4 cannot build submit_multi, cancel_sm or replace_sm, so the
/// Python peer writes every PDU with `struct` from SMPP 3.4 §4 (independent of our codec).
@Suite("ingressd SMPP requests", .serialized)
struct IngressSMPPRequestTests {
    /// A raw SMPP 3.4 peer: PDUs built by hand, one request answered at a time.
    static let peer = #"""
        import json, socket, sqlite3, struct, sys, time
        port, db = int(sys.argv[1]), sys.argv[2]
        def c(text): return text.encode() + b'\0'
        class Peer:
            def __init__(self):
                self.s = socket.create_connection(('127.0.0.1', port), timeout=15)
                self.seq = 0
            def call(self, command, body):
                self.seq += 1
                self.s.sendall(struct.pack('>IIII', 16 + len(body), command, 0, self.seq) + body)
                while True:
                    head = self.exactly(16)
                    length, answer, status, seq = struct.unpack('>IIII', head)
                    body = self.exactly(length - 16)
                    if answer != 0x00000005: break
                    # A bound transceiver may be sent a DLR (deliver_sm) at any time: answer it.
                    self.s.sendall(struct.pack('>IIII', 17, 0x80000005, 0, seq) + b'\0')
                assert seq == self.seq and answer == command | 0x80000000, (hex(answer), seq)
                return status, body
            def exactly(self, n):
                data = b''
                while len(data) < n:
                    chunk = self.s.recv(n - len(data))
                    assert chunk, 'connection closed'
                    data += chunk
                return data
        def bind(kind=0x09):
            peer = Peer()
            status, _ = peer.call(kind, c('esme') + c('s3cret') + c('') + bytes([0x34, 0, 0]) + c(''))
            assert status == 0, status
            return peer
        def cstring(data, at):
            end = data.index(b'\0', at)
            return data[at:end].decode(), end + 1
        def submit(peer, dest, text=b'Hello', rd=1):
            body = (c('') + bytes([5, 0]) + c('Shop') + bytes([1, 1]) + c(dest) + bytes([0, 0, 0]) + c('') + c('')
                    + bytes([rd, 0, 0, 0, len(text)]) + text)
            status, rest = peer.call(0x04, body)
            assert status == 0, status
            return cstring(rest, 0)[0]
        def query(peer, id, source='Shop'):
            status, rest = peer.call(0x03, c(id) + bytes([5, 0]) + c(source))
            if status: return dict(status=status)
            mid, at = cstring(rest, 0)
            final, at = cstring(rest, at)
            return dict(status=0, id=mid, final=final, state=rest[at], error=rest[at + 1])
        def cancel(peer, id, source='Shop', dest=''):
            return peer.call(0x08, c('') + c(id) + bytes([5, 0]) + c(source) + bytes([1, 1]) + c(dest))[0]
        def replace(peer, id, text, schedule='', validity='', rd=0, source='Shop'):
            body = c(id) + bytes([5, 0]) + c(source) + c(schedule) + c(validity) + bytes([rd, 0, len(text)]) + text
            return peer.call(0x07, body)[0]
        def row(id):
            con = sqlite3.connect(db)
            state, text, encoding, units, rd, mask, nb, exp = con.execute(
                'SELECT state, text, encoding, units, registered_delivery, dlr_mask, not_before, expires_at FROM messages WHERE id = ?',
                (int(id),)).fetchone()
            parts = con.execute('SELECT count(*) FROM message_parts WHERE message_id = ?', (int(id),)).fetchone()[0]
            return dict(state=state, text=text, encoding=encoding, units=units, rd=rd, mask=mask, parts=parts,
                        not_before=nb, expires_at=exp)
        def out(value): print(json.dumps(value))

        """#

    static func json(_ output: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
    }

    /// submit_multi to three SMEs, an unparsable address and a distribution list: three
    /// stored messages with consecutive ids (the answer names the first), the other two in
    /// unsuccess_sme with ESME_RINVDSTADR (0x0B) and ESME_RINVDLNAME (0x34); 254 destinations
    /// make 254 messages in ONE group commit (more than a batch of 200 singles); none, 0x33;
    /// only refused destinations, 0x45 with the list.
    @Test func submitMulti() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(Self.peer + #"""
            def multi(peer, dests, text=b'Hello all'):
                body = c('') + bytes([5, 0]) + c('Shop') + bytes([len(dests)])
                for dest in dests:
                    body += bytes([1, 1, 1]) + c(dest[1:]) if dest.startswith('+') else (
                        bytes([2]) + c(dest[3:]) if dest.startswith('dl:') else bytes([1, 0, 0]) + c(dest))
                body += bytes([0, 0, 0]) + c('') + c('') + bytes([1, 0, 0, 0, len(text)]) + text
                status, rest = peer.call(0x21, body)
                if status and not rest: return dict(status=status)
                first, at = cstring(rest, 0)
                failed = []
                for _ in range(rest[at]):
                    address, next_at = cstring(rest, at + 3)
                    failed.append([address, struct.unpack('>I', rest[next_at:next_at + 4])[0]])
                    at = next_at + 4 - 1
                return dict(status=status, first=first, failed=failed)
            peer = bind()
            small = multi(peer, ['+4915100000001', '+4915100000002', 'not a number', 'dl:friends', '+4915100000003'])
            first = int(small['first'])
            con = sqlite3.connect(db)
            rows = con.execute('SELECT id, destination, text, state FROM messages WHERE id >= ? ORDER BY id', (first,)).fetchall()
            big = multi(peer, ['+49151%08d' % n for n in range(254)])
            big_rows = con.execute('SELECT count(*), min(id), max(id) FROM messages WHERE id >= ?', (int(big['first']),)).fetchone()
            none = multi(peer, [])
            refused = multi(peer, ['not a number', 'dl:friends'])
            out(dict(small=small, rows=rows, big=big, big_rows=big_rows, none=none, refused=refused))
            """#)
        let result = try Self.json(output)
        let small = try #require(result["small"] as? [String: Any])
        #expect(small["status"] as? Int == 0)
        #expect(small["failed"] as? [[AnyHashable]] == [["not a number", 0x0B], ["friends", 0x34]])
        let rows = try #require(result["rows"] as? [[Any]])
        #expect(rows.map { $0[1] as? String } == ["+4915100000001", "+4915100000002", "+4915100000003"])
        #expect(rows.map { $0[0] as? Int } == [0, 1, 2].map { (Int(small["first"] as? String ?? "") ?? -9) + $0 })
        #expect(rows.allSatisfy { $0[2] as? String == "Hello all" && $0[3] as? String == "queued" })
        let bigRows = try #require(result["big_rows"] as? [Int])
        #expect(bigRows[0] == 254 && bigRows[2] - bigRows[1] == 253)
        #expect(((result["big"] as? [String: Any])?["failed"] as? [Any])?.isEmpty == true)
        #expect((result["none"] as? [String: Any])?["status"] as? Int == 0x33)
        // Nothing accepted, different reasons: ESME_RSUBMITFAIL (0x45), still with the list.
        let refused = try #require(result["refused"] as? [String: Any])
        #expect(refused["status"] as? Int == 0x45 && refused["first"] as? String == "")
        #expect((refused["failed"] as? [[AnyHashable]])?.count == 2)
        #expect(box.log.contains("messages=254"), "one commit of the 254: \(box.log.suffix(2_000))")
    }

    /// data_sm with its text in message_payload is stored like a submit_sm and answered with
    /// the id; query_sm reports it ENROUTE (1) without a final date, then, once the row says
    /// delivered, DELIVERED (2) with its final date; an unknown id, a malformed id or another
    /// source_addr is ESME_RQUERYFAIL (0x67); a receiver may not query (ESME_RINVBNDSTS).
    @Test func dataSMAndQuery() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(Self.peer + #"""
            peer = bind()
            payload = b'Data SM text'
            body = c('') + bytes([5, 0]) + c('Shop') + bytes([1, 1]) + c('4915112345678') + bytes([0, 1, 0])
            body += struct.pack('>HH', 0x0424, len(payload)) + payload
            status, rest = peer.call(0x0103, body)
            id = cstring(rest, 0)[0]
            stored = row(id)
            waiting = query(peer, id)
            con = sqlite3.connect(db)
            con.execute("UPDATE messages SET state = 'delivered', updated_at = 4102444800000 WHERE id = ?", (int(id),))
            con.commit()
            done = query(peer, id)
            refusals = [query(peer, '999999')['status'], query(peer, 'abc')['status'], query(peer, id, source='Other')['status'],
                        query(peer, id, source='')['status']]
            receiver = bind(0x01)
            as_receiver = query(receiver, id)['status']
            out(dict(status=status, id=id, row=stored, waiting=waiting, done=done, refusals=refusals, receiver=as_receiver))
            """#)
        let result = try Self.json(output)
        #expect(result["status"] as? Int == 0)
        let row = try #require(result["row"] as? [String: Any])
        #expect(row["text"] as? String == "Data SM text" && row["state"] as? String == "queued" && row["mask"] as? Int == 3)
        let waiting = try #require(result["waiting"] as? [String: Any])
        #expect(waiting["status"] as? Int == 0 && waiting["state"] as? Int == 1 && waiting["final"] as? String == "")
        #expect(waiting["id"] as? String == result["id"] as? String)
        let done = try #require(result["done"] as? [String: Any])
        #expect(done["state"] as? Int == 2 && done["final"] as? String == "000101000000000+")
        // Unknown, malformed, other source → 0x67; an empty source_addr matches (account-scoped).
        #expect(result["refusals"] as? [Int] == [0x67, 0x67, 0x67, 0])
        #expect(result["receiver"] as? Int == 0x04)
    }

    /// replace_sm of a queued message: new text in more parts (1 → 2), new report request,
    /// the expiry kept (validity NULL), a relative schedule holds it; a message no longer
    /// waiting (sending), an unknown id and another source are ESME_RREPLACEFAIL (0x13).
    @Test func replace() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(Self.peer + #"""
            peer = bind()
            id = submit(peer, '4915112345678', rd=0)
            before = row(id)
            ok = replace(peer, id, b'x' * 200, rd=1)
            after = row(id)
            scheduled = replace(peer, id, b'later', schedule='000000010000000R')
            held = row(id)
            other = submit(peer, '4915112345679')
            con = sqlite3.connect(db)
            con.execute("UPDATE messages SET state = 'sending' WHERE id = ?", (int(other),))
            con.commit()
            refusals = [replace(peer, other, b'new'), replace(peer, '999999', b'new'), replace(peer, id, b'new', source='Other')]
            out(dict(before=before, ok=ok, after=after, scheduled=scheduled, held=held, refusals=refusals))
            """#)
        let result = try Self.json(output)
        let before = try #require(result["before"] as? [String: Any])
        let after = try #require(result["after"] as? [String: Any])
        #expect(result["ok"] as? Int == 0)
        #expect(after["text"] as? String == String(repeating: "x", count: 200))
        #expect(after["parts"] as? Int == 2 && after["units"] as? Int == 2 && before["parts"] as? Int == 1)
        #expect(after["rd"] as? Int == 1 && after["mask"] as? Int == 3 && before["mask"] as? Int == 0)
        #expect(after["expires_at"] as? Int == before["expires_at"] as? Int)
        #expect(result["scheduled"] as? Int == 0)
        let held = try #require(result["held"] as? [String: Any])
        #expect(held["text"] as? String == "later")
        #expect(result["refusals"] as? [Int] == [0x13, 0x13, 0x13])
    }

    /// cancel_sm while smsgw-queued is down is ESME_RCANCELFAIL (0x11) with a log line, never
    /// a pretended success; with queued running, by id → cancelled, the same id again → 0x11,
    /// by source and destination → both waiting messages to it cancelled, another → 0x11.
    @Test func cancel() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let first = try box.runPython(Self.peer + #"""
            peer = bind()
            id = submit(peer, '4915112345678')
            out(dict(id=id, down=cancel(peer, id), unknown=cancel(peer, '999999'), state=row(id)['state']))
            """#)
        let down = try Self.json(first)
        #expect(down["down"] as? Int == 0x11 && down["unknown"] as? Int == 0x11 && down["state"] as? String == "queued")
        #expect(box.log.contains("smsgw-queued unreachable"))

        let queued = try box.startQueued()
        defer { queued.terminate(); queued.waitUntilExit() }
        try await box.waitForQueuedSocket()
        let id = down["id"] as? String ?? ""
        let output = try box.runPython(Self.peer + #"""
            peer = bind()
            id = '\#(id)'
            by_id = cancel(peer, id, dest='4915112345678')
            again = cancel(peer, id)
            a, b = submit(peer, '4915100000009'), submit(peer, '4915100000009')
            keep = submit(peer, '4915100000010')
            by_address = cancel(peer, '', dest='4915100000009')
            nothing = cancel(peer, '', dest='4915100000011')
            out(dict(by_id=by_id, again=again, by_address=by_address, nothing=nothing,
                     states=[row(x)['state'] for x in (id, a, b, keep)]))
            """#)
        let result = try Self.json(output)
        #expect(result["by_id"] as? Int == 0 && result["again"] as? Int == 0x11)
        #expect(result["by_address"] as? Int == 0 && result["nothing"] as? Int == 0x11)
        #expect(result["states"] as? [String] == ["cancelled", "cancelled", "cancelled", "queued"])
    }

    /// A 2-part message the ESME split itself (UDH): each submit answered with its own id; a
    /// part's id names the whole message — query_sm reports it, cancel_sm cancels it (both
    /// parts: they go out as one) — while replace_sm refuses it (0x13: one submit's text cannot
    /// stand for both parts). Ids never given (a third part, a leading zero, another source)
    /// are refused as unknown ones.
    @Test func partIDsNameTheWholeMessage() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let queued = try box.startQueued()
        defer { queued.terminate(); queued.waitUntilExit() }
        try await box.waitForQueuedSocket()
        let output = try box.runPython(Self.peer + #"""
            def submit_part(peer, dest, number, text):
                short = bytes([5, 0, 3, 0x2A, 2, number]) + text
                body = (c('') + bytes([5, 0]) + c('Shop') + bytes([1, 1]) + c(dest) + bytes([0x40, 0, 0]) + c('') + c('')
                        + bytes([1, 0, 0, 0, len(short)]) + short)
                status, rest = peer.call(0x04, body)
                assert status == 0, status
                return cstring(rest, 0)[0]
            peer = bind()
            first, second = submit_part(peer, '4915112345678', 1, b'first half '), submit_part(peer, '4915112345678', 2, b'second')
            message = first.split('-')[0]
            asked = query(peer, second)
            refused = [query(peer, message + '-3')['status'], query(peer, message + '-02')['status'],
                       query(peer, second, source='Other')['status']]
            replaced = replace(peer, first, b'new')
            text = row(message)['text']
            cancelled = cancel(peer, second, dest='4915112345678')
            again = cancel(peer, first)
            con = sqlite3.connect(db)
            parts = [r[0] for r in con.execute('SELECT state FROM message_parts WHERE message_id = ?', (int(message),))]
            out(dict(ids=[first, second], message=message, asked=asked, refused=refused, replaced=replaced, text=text,
                     cancelled=cancelled, again=again, state=row(message)['state'], parts=parts))
            """#)
        let result = try Self.json(output)
        let message = try #require(result["message"] as? String)
        #expect(result["ids"] as? [String] == ["\(message)-1", "\(message)-2"])
        let asked = try #require(result["asked"] as? [String: Any])
        #expect(asked["status"] as? Int == 0 && asked["id"] as? String == "\(message)-2" && asked["state"] as? Int == 1,
                "ENROUTE: the whole message waits: \(asked)")
        #expect(result["refused"] as? [Int] == [0x67, 0x67, 0x67])
        #expect(result["replaced"] as? Int == 0x13 && result["text"] as? String == "first half second")
        #expect(result["cancelled"] as? Int == 0 && result["again"] as? Int == 0x11)
        #expect(result["state"] as? String == "cancelled")
        #expect(result["parts"] as? [String] == ["failed", "failed"], "both parts with it, neither sent")
    }
}

extension IngressSMPPBox {
    /// smsgw-queued on the box's configuration (no modemd: nothing is sent, messages wait).
    func startQueued() throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltProducts.path(of: "smsgw-queued"))
        process.arguments = ["--config", "\(path)/gateway.toml"]
        _ = FileManager.default.createFile(atPath: "\(path)/queued.err", contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(path)/queued.err"))
        try process.run()
        return process
    }

    func waitForQueuedSocket() async throws {
        try await Eventually.wait(for: "smsgw-queued to open its socket", within: .seconds(20)) {
            FileManager.default.fileExists(atPath: "\(path)/run/queued.sock")
        }
    }
}
