import Foundation
import GatewayCore
import GatewayStore
import GatewayTestSupport
import Testing

/// Upstream-split messages through the real ingressd: smpplib 2.2.4 splits with a UDH
/// (`smpplib.gsm.make_parts`) or sends SAR TLVs; each message is stored as ONE message of
/// its parts, every part answered with its own id, `<message id>-<part>`, stored with the part
/// (docs/ingressd.md).
@Suite("ingressd assembly of upstream-split messages", .serialized)
struct IngressAssemblyTests {
    static let header = #"""
        import json, sqlite3, sys, time, smpplib.client, smpplib.gsm, smpplib.consts
        port, db = int(sys.argv[1]), sys.argv[2]
        client = smpplib.client.Client('127.0.0.1', port, timeout=10)
        client.connect()
        client.bind_transmitter(system_id='esme', password='s3cret')
        def submit(part, **fields):
            client.send_message(source_addr_ton=5, source_addr='Shop', dest_addr_ton=1, dest_addr_npi=1,
                                destination_addr='4915112345678', short_message=part, **fields)
            resp = client.read_pdu()
            assert resp.command == 'submit_sm_resp' and resp.status == 0, (resp.command, resp.status)
            return resp.message_id.decode()
        def row(id):
            message = int(id.split('-')[0])
            con = sqlite3.connect(db)
            state, text, units = con.execute('SELECT state, text, units FROM messages WHERE id = ?', (message,)).fetchone()
            submit_ids = [r[0] for r in con.execute('SELECT submit_id FROM message_parts WHERE message_id = ? ORDER BY seq', (message,))]
            history = [r[0] for r in con.execute('SELECT detail FROM message_events WHERE message_id = ? ORDER BY id', (message,))]
            count = con.execute('SELECT count(*) FROM messages').fetchone()[0]
            return dict(id=message, state=state, text=text, units=units, parts=len(submit_ids), submit_ids=submit_ids,
                        history=history, messages=count)
        """#

    /// A 3-part UDH message (parts sent 1, 3, 2) and a 3-part SAR message (sar_msg_ref_num
    /// 0x1234): two messages of three parts, queued, their texts whole; each submit answered
    /// with its part's own id, the one stored with that part.
    @Test func udhAndSARPartsMakeOneMessageEach() async throws {
        let box = try IngressSMPPBox()
        try await box.start()
        let output = try box.runPython(Self.header + "\n" + #"""
            text = ''.join(chr(ord('a') + i % 26) for i in range(400))
            parts, coding, esm = smpplib.gsm.make_parts(text)
            assert len(parts) == 3 and esm == 0x40
            udh_ids = [submit(parts[i], data_coding=coding, esm_class=esm) for i in (0, 2, 1)]
            chunks = [text[i:i + 153].encode() for i in range(0, 400, 153)]
            sar_ids = [submit(chunk, data_coding=0, sar_msg_ref_num=0x1234, sar_total_segments=3, sar_segment_seqnum=n)
                       for n, chunk in enumerate(chunks, start=1)]
            client.unbind()
            print(json.dumps(dict(udh=udh_ids, sar=sar_ids, udh_row=row(udh_ids[0]), sar_row=row(sar_ids[0]), text=text)))
            """#)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let udh = result["udh"] as? [String] ?? [], sar = result["sar"] as? [String] ?? []
        for (key, ids, order) in [("udh_row", udh, [1, 3, 2]), ("sar_row", sar, [1, 2, 3])] {
            let row = result[key] as? [String: Any] ?? [:]
            let message = try #require(row["id"] as? Int)
            #expect(ids == order.map { "\(message)-\($0)" }, "\(key): each part its own id, in the order sent: \(ids)")
            #expect(row["submit_ids"] as? [String] == (1...3).map { "\(message)-\($0)" }, "\(key): stored with the parts")
            #expect(row["state"] as? String == "queued", "\(key)")
            #expect(row["units"] as? Int == 3 && row["parts"] as? Int == 3, "\(key)")
            #expect(row["text"] as? String == result["text"] as? String, "\(key)")
            #expect(row["messages"] as? Int == 2, "\(key)")
        }
    }

    /// Parts 1 and 3 of 3 arrive, part 2 never: after the (shortened) assembly timeout the
    /// message is failed and its history names part 2.
    @Test func missingPartFailsAfterTimeout() async throws {
        let box = try IngressSMPPBox(smppExtra: "assembly_timeout = \"800ms\"")
        try await box.start()
        let output = try box.runPython(Self.header + "\n" + #"""
            udh = b'\x05\x00\x03\x2a\x03'
            first = submit(udh + b'\x01' + b'one', esm_class=0x40, registered_delivery=1)
            third = submit(udh + b'\x03' + b'three', esm_class=0x40)
            before = row(first)
            print(json.dumps(dict(ids=[first, third], before=before)))
            """#)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let before = try #require(result["before"] as? [String: Any])
        let message = try #require(before["id"] as? Int)
        #expect(result["ids"] as? [String] == ["\(message)-1", "\(message)-3"], "two parts of one message, each its own id")
        #expect(before["state"] as? String == "accepted")
        let id = Int64(message)
        let database = try GatewayDatabase(path: box.databasePath, now: Timestamp(millisecondsSince1970: 0))
        try await Eventually.wait(for: "the assembly timeout to fail message \(id)", within: .seconds(10), context: { box.log }) {
            try database.state(of: id) == .failed
        }
        #expect(try database.history(of: id).last?.detail == "assembly timed out: parts 2 of 3 missing")
    }
}
