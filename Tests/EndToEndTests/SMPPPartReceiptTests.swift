import Foundation
import Testing

/// Long messages an ESME splits itself, end to end (smpplib → ingressd → queued → modemd → the
/// simulator's status reports → deliver_sm receipts): every submit_sm is answered with its own
/// id, and every submit that asked for a receipt gets exactly one, for its own id, while the
/// parts of a message still go out as one message from one SIM (docs/ingressd.md,
/// "Upstream-split messages").
@Suite("SMPP receipts per submitted part", .serialized)
struct SMPPPartReceiptTests {
    /// Two 2-part UDH messages, a SAR pair, two single messages — every submit asking for a
    /// receipt — and a 2-part UDH message asking on its first part only, as Kannel does: ten
    /// distinct ids, nine receipts, one per id that asked, each DELIVRD with sub:001 dlvrd:001
    /// and its id in both the text and receipted_message_id. The outbox (the box's ledger of
    /// receipts) holds exactly those nine, each delivered on its first attempt: none twice.
    @Test func everySubmitGetsItsOwnIDAndOneReceipt() async throws {
        let (box, port) = try await SMPPToModemTests.startBox()
        let printed = try SMPPToModemTests.runPython(#"""
            import json, re, sys, time, smpplib.client, smpplib.gsm, smpplib.smpp
            port = int(sys.argv[1])
            client = smpplib.client.Client('127.0.0.1', port, timeout=60)
            client.connect()  # startBox waited for ingressd's ready line: its port is bound
            client.bind_transceiver(system_id='esme', password='s3cret')
            receipts = []
            def on_deliver(pdu):
                text = pdu.short_message.decode()
                found = re.match(r'id:(\S+) sub:(\d+) dlvrd:(\d+) .* stat:(\w+)', text)
                receipts.append(dict(id=found.group(1), sub=found.group(2), dlvrd=found.group(3), stat=found.group(4),
                                     receipted=pdu.receipted_message_id.decode(), esm=pdu.esm_class))
                resp = smpplib.smpp.make_pdu('deliver_sm_resp', client=client)
                resp.sequence = pdu.sequence
                client.send_pdu(resp)
            submits = []
            def submit(message, destination, short_message, receipt, **fields):
                client.send_message(source_addr_ton=5, source_addr='Shop', dest_addr_ton=1, dest_addr_npi=1,
                                    destination_addr=destination, short_message=short_message,
                                    registered_delivery=1 if receipt else 0, **fields)
                while True:
                    pdu = client.read_pdu()
                    if pdu.command == 'deliver_sm':
                        on_deliver(pdu)
                        continue
                    assert pdu.command == 'submit_sm_resp' and pdu.status == 0, (pdu.command, pdu.status)
                    submits.append(dict(message=message, id=pdu.message_id.decode(), receipt=receipt))
                    return
            def text(seed):
                return ''.join(chr(ord('a') + (seed + i) % 26) for i in range(200))
            for name, destination in (('udh-a', '31612340001'), ('udh-b', '31612340002')):
                parts, coding, esm = smpplib.gsm.make_parts(text(len(name) + ord(name[-1])))
                assert len(parts) == 2 and esm == 0x40
                for part in parts:
                    submit(name, destination, part, True, data_coding=coding, esm_class=esm)
            sar = text(5)
            for number, chunk in enumerate((sar[:153], sar[153:]), start=1):
                submit('sar', '31612340003', chunk.encode(), True, data_coding=0,
                       sar_msg_ref_num=0x0102, sar_total_segments=2, sar_segment_seqnum=number)
            submit('single-1', '31612340004', b'Your code is 1234', True)
            submit('single-2', '31612340005', b'Your code is 5678', True)
            parts, coding, esm = smpplib.gsm.make_parts(text(9))
            for number, part in enumerate(parts, start=1):
                submit('kannel', '31612340006', part, number == 1, data_coding=coding, esm_class=esm)
            asked = {s['id'] for s in submits if s['receipt']}
            while not asked <= {r['id'] for r in receipts}:
                pdu = client.read_pdu()
                if pdu.command == 'deliver_sm':
                    on_deliver(pdu)
            client.query_message(message_id=submits[1]['id'], source_addr_ton=5, source_addr='Shop')
            query = client.read_pdu()
            while query.command == 'deliver_sm':  # a receipt the box sends after those awaited counts too
                on_deliver(query)
                query = client.read_pdu()
            client.unbind()
            client.disconnect()
            print(json.dumps(dict(submits=submits, receipts=receipts,
                                  query=dict(command=query.command, id=query.message_id.decode(), state=query.message_state))))
            """#, port: port, box: box)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
        let submits = result["submits"] as? [[String: Any]] ?? []
        let receipts = result["receipts"] as? [[String: Any]] ?? []
        let ids = submits.compactMap { $0["id"] as? String }
        #expect(ids.count == 10 && Set(ids).count == 10, "every submit_sm_resp its own id: \(ids)")
        let asked = submits.filter { $0["receipt"] as? Bool == true }.compactMap { $0["id"] as? String }
        let receipted = receipts.compactMap { $0["id"] as? String }
        #expect(receipted.sorted() == asked.sorted(), "one receipt per id that asked, none twice, none unasked: \(receipts)")
        for receipt in receipts {
            #expect(receipt["stat"] as? String == "DELIVRD" && receipt["sub"] as? String == "001" && receipt["dlvrd"] as? String == "001",
                    "\(receipt)")
            #expect(receipt["receipted"] as? String == receipt["id"] as? String && receipt["esm"] as? Int == 4, "\(receipt)")
        }
        let query = result["query"] as? [String: Any] ?? [:]
        #expect(query["command"] as? String == "query_sm_resp" && query["state"] as? Int == 2,
                "query_sm by a part's id reports the whole message: DELIVERED: \(query)")

        // The box's own ledger: six messages, every part sent once, from one SIM per message,
        // and exactly the nine receipts in the outbox, each delivered on its first attempt.
        // Once every message is delivered (final: nothing more can be queued for it) and the
        // outbox has nothing pending, the ledger is complete.
        try await box.waitFor("every message delivered and every receipt settled", within: .seconds(30)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'delivered'") == 6
                && box.count("SELECT count(*) FROM upstream_outbox WHERE state = 'pending'") == 0
        }
        #expect(try box.count("SELECT count(*) FROM messages") == 6)
        #expect(try box.simulatorSent().values.reduce(0, +) == 10, "each part went out exactly once")
        #expect(try box.count("SELECT count(DISTINCT message_id || '/' || sim_id) FROM message_parts") == 6,
                "every part of a message from the same SIM")
        #expect(try box.count("SELECT count(*) FROM upstream_outbox WHERE kind = 'dlr'") == 9)
        #expect(try box.count("SELECT count(*) FROM upstream_outbox WHERE kind = 'dlr' AND state = 'done' AND attempts = 1") == 9)
        #expect(try box.count("SELECT count(DISTINCT json_extract(CAST(payload AS TEXT), '$.submit_id')) FROM upstream_outbox WHERE kind = 'dlr'") == 7,
                "a receipt per part id of the split messages (the two singles carry their message id)")
        box.stop()
    }

    /// A new user's first script, smpplib's own way (its README: `smpplib.gsm.make_parts`, a
    /// submit_sm per part with registered_delivery, handlers for submit_sm_resp and deliver_sm,
    /// `read_once` until done): two 2-part messages and four single ones are 8 submit_sm, the
    /// platform keeps one record per submit_sm_resp and waits for a receipt for each. With one
    /// id per message it got 6 receipts and waited for ever (here: until a 60 s deadline); now
    /// each of its 8 ids is receipted.
    @Test func smpplibPlatformGetsAReceiptForEachOfItsEightIDs() async throws {
        let (box, port) = try await SMPPToModemTests.startBox()
        let printed = try SMPPToModemTests.runPython(#"""
            import json, socket, sys, time, smpplib.client, smpplib.consts, smpplib.gsm
            port = int(sys.argv[1])
            client = smpplib.client.Client('127.0.0.1', port, timeout=5)
            client.connect()  # startBox waited for ingressd's ready line: its port is bound
            rows = []    # the platform's record of each submit: [submit_sm_resp id, receipt stat or None]
            extra = []   # receipts that match no record still waiting for one
            def sent(pdu):
                rows.append([pdu.message_id.decode(), None])
            def received(pdu):
                if pdu.receipted_message_id:
                    key = pdu.receipted_message_id.decode()
                    waiting = [row for row in rows if row[0] == key and row[1] is None]
                    if waiting:
                        waiting[0][1] = pdu.short_message.decode().split('stat:')[1].split()[0]
                    else:
                        extra.append(key)
            client.set_message_sent_handler(sent)
            client.set_message_received_handler(received)
            client.bind_transceiver(system_id='esme', password='s3cret')
            texts = ['Your order 4711 has shipped and will arrive tomorrow between 9 and 12. ' * 3,
                     'Reminder: your appointment is on Monday at 10:30. Reply YES to confirm. ' * 3,
                     'Code 1111', 'Code 2222', 'Code 3333', 'Code 4444']
            submitted = 0
            for number, text in enumerate(texts):
                parts, encoding, esm_class = smpplib.gsm.make_parts(text)
                for part in parts:
                    client.send_message(source_addr_ton=smpplib.consts.SMPP_TON_ALNUM, source_addr='Shop',
                                        dest_addr_ton=smpplib.consts.SMPP_TON_INTL, destination_addr='3161234100%d' % number,
                                        short_message=part, data_coding=encoding, esm_class=esm_class,
                                        registered_delivery=True)
                    submitted += 1
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and (len(rows) < submitted or any(row[1] is None for row in rows)):
                client.read_once()
            client.unbind()
            print(json.dumps(dict(submitted=submitted, rows=rows, extra=extra)))
            """#, port: port, box: box)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
        let rows = result["rows"] as? [[Any]] ?? []
        #expect(result["submitted"] as? Int == 8)
        #expect(rows.count == 8 && Set(rows.compactMap { $0.first as? String }).count == 8, "8 records, 8 distinct ids: \(rows)")
        #expect(rows.allSatisfy { $0.last as? String == "DELIVRD" }, "a DELIVRD receipt for each of the 8 ids: \(rows)")
        #expect((result["extra"] as? [String])?.isEmpty == true, "no receipt twice or for an id never given: \(result)")
        #expect(try box.count("SELECT count(*) FROM messages") == 6)
        #expect(try box.simulatorSent().values.reduce(0, +) == 8)
        box.stop()
    }
}
