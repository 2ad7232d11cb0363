import Foundation
import Testing

/// A second SMPP client library from PyPI, aiosmpplib 0.7.4 (asyncio; its own PDU codec,
/// message splitting, enquire_link keeper and receipt parser), against the whole box: it binds
/// as transmitter, receiver and transceiver; submits GSM-7, UCS-2, and long texts two ways
/// (its own UDH split, message_payload); every message's DLR — for the one it split, one per
/// segment it submitted, each for that segment's id — comes back as a deliver_sm receipt (to
/// the receiver or the transceiver: the account's receiving binds take turns), an SMS arriving at a modem comes back as a plain deliver_sm, enquire_links are
/// answered, and every ESME unbinds cleanly. Its SAR split is refused, clearly: it cuts 254
/// characters per segment (SMPP-sized, not SMS-sized), and a SAR segment is one short message
/// (§5.3.2.22-24), so ingressd answers ESME_RINVMSGLEN rather than guess (docs/ingressd.md).
@Suite("aiosmpplib against the box", .serialized)
struct AioSMPPTests {
    static let script = #"""
        import asyncio, json, re, socket, sys, logging
        from aiosmpplib import (ESME, AbstractHook, BindMode, DeliverSm, EnquireLinkResp, PhoneNumber,
                                SubmitSm, SubmitSmResp, TON, NPI)
        port, control = int(sys.argv[1]), sys.argv[2]

        class Hook(AbstractHook):
            def __init__(self, name):
                self.name, self.pdus, self.raw, self.errors = name, [], [], []
            async def sending(self, message, pdu, client_id):
                pass
            async def received(self, message, pdu, client_id):
                self.pdus.append(message)
                self.raw.append(pdu)
            async def send_error(self, message, error, client_id):
                if error is not None:
                    self.errors.append(repr(error))

        def esme(mode, name):
            hook = Hook(name)
            hooks.append(hook)
            client = ESME(smsc_host='127.0.0.1', smsc_port=port, system_id='esme', password='s3cret',
                          bind_mode=mode, hook=hook, client_id=name, enquire_link_interval=0.5,
                          log_level=logging.WARNING, socket_timeout=10.0)
            return client, hook

        def submit(text, log_id, **fields):
            return SubmitSm(short_message=text, source=PhoneNumber('Shop', TON.ALPHANUMERIC),
                            destination=PhoneNumber('+31612345678', TON.INTERNATIONAL, NPI.ISDN),
                            registered_delivery=1, log_id=log_id, **fields)

        hooks = []

        async def until(check, seconds, what):
            for _ in range(int(seconds * 20)):
                if check():
                    return
                await asyncio.sleep(0.05)
            seen = {h.name: [type(m).__name__ + ':' + str(getattr(m, 'log_id', '')) + ':' + repr(getattr(m, 'message_id', '')) + ':' + str(getattr(m, 'command_status', '')) for m in h.pdus if type(m).__name__ != 'EnquireLinkResp'] for h in hooks}
            raise AssertionError('timed out: ' + what + ' ' + json.dumps(seen))

        async def main():
            tx, tx_hook = esme(BindMode.TRANSMITTER, 'tx')
            rx, rx_hook = esme(BindMode.RECEIVER, 'rx')
            trx, trx_hook = esme(BindMode.TRANSCEIVER, 'trx')
            tasks = [asyncio.create_task(client.start()) for client in (tx, rx, trx)]
            await until(lambda: all(c.session_state.name.startswith('BOUND') for c in (tx, rx, trx)), 10, 'binds')
            long_text = ''.join(chr(ord('a') + i % 26) for i in range(400))
            await tx.broker.enqueue(submit('Hello from aiosmpplib', 'tx-gsm'))
            await trx.broker.enqueue(submit('Prices [5] ~ 3 EUR', 'trx-gsm'))
            await trx.broker.enqueue(submit('Привет, мир', 'trx-ucs2', encoding='ucs2'))
            await trx.broker.enqueue(submit(long_text, 'trx-udh', esm_class=0x40, auto_message_payload=False))
            await trx.broker.enqueue(submit(long_text, 'trx-sar', auto_message_payload=False))
            await trx.broker.enqueue(submit(long_text, 'trx-payload'))
            def responses():
                # aiosmpplib answers a split message once, after its last part's submit_sm_resp
                # (a placeholder without message_id stands for the parts before).
                return [m for h in (tx_hook, trx_hook) for m in h.pdus if isinstance(m, SubmitSmResp) and m.message_id]
            def sar_refused():
                return any(isinstance(m, SubmitSmResp) and m.log_id == 'trx-sar' and m.command_status.value == 1
                           for m in trx_hook.pdus)
            await until(lambda: len({r.log_id for r in responses()}) >= 5 and sar_refused(), 20, 'submit_sm_resp')
            ids = {}
            for resp in responses():
                assert resp.command_status.value == 0, (resp.log_id, resp.command_status)
                ids.setdefault(resp.log_id, set()).add(resp.message_id)
            def receipts():
                # Read from the raw deliver_sm (command_id 5): aiosmpplib expects a receipt per
                # segment of a message it split, for each segment's own id, and correlates them
                # only on the bind that submitted (receipts take turns over the receiving binds).
                found = {}
                for h in (rx_hook, trx_hook):
                    for pdu in h.raw:
                        match = re.search(rb'id:(\S+) sub:.* stat:(\w+)', pdu)
                        if pdu[4:8] == b'\x00\x00\x00\x05' and match:
                            found[match.group(1).decode()] = match.group(2).decode()
                return found
            await until(lambda: len(receipts()) >= 7, 60, 'seven receipts')
            stats = receipts()
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(control)
                s.sendall(b'{"command":"inbound","modem":"m1","from":"+31687654321","text":"Reply STOP"}\n')
                s.recv(4096)
            def inbound():
                return [m for h in (rx_hook, trx_hook) for m in h.pdus if isinstance(m, DeliverSm) and not m.is_receipt()]
            await until(lambda: len(inbound()) >= 1, 30, 'the inbound deliver_sm')
            await until(lambda: all(any(isinstance(m, EnquireLinkResp) for m in h.pdus)
                                    for h in (tx_hook, rx_hook, trx_hook)), 10, 'enquire_link_resp')
            for client in (tx, rx, trx):
                await client.stop()
            for task in tasks:
                task.cancel()
            mo = inbound()[0]
            print(json.dumps(dict(
                ids={k: sorted(v) for k, v in ids.items()}, stats=stats,
                mo=dict(source=mo.source.number, text=mo.short_message),
                errors=tx_hook.errors + rx_hook.errors + trx_hook.errors,
                states={c.client_id: c.session_state.name for c in (tx, rx, trx)})))

        asyncio.run(main())
        """#

    @Test func bindsSubmitsReceiptsInboundAndUnbind() async throws {
        let (box, port) = try await SMPPToModemTests.startBox(extra: "[inbound]\ndefault_account = \"platform\"\n")
        let run = Process()
        run.executableURL = URL(fileURLWithPath: IngressSMPPBox.python)
        run.arguments = ["-c", Self.script, String(port), "\(box.runtime)/modemsim.sock"]
        let output = Pipe(), errors = Pipe()
        run.standardOutput = output
        run.standardError = errors
        try run.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        try #require(run.terminationStatus == 0, "aiosmpplib: \(stderr.suffix(3000))\n--- ingressd:\n\(box.log("ingressd").suffix(2000))")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(printed.utf8)) as? [String: Any])
        let ids = result["ids"] as? [String: [String]] ?? [:]
        // aiosmpplib reports one response per message it split: one of its segments' ids.
        #expect(ids.count == 5 && ids.values.allSatisfy { $0.count == 1 }, "one response per message: \(ids)")
        let split = try #require(ids["trx-udh"]?.first?.split(separator: "-").first, "its UDH split: part ids \(ids)")
        let stats = result["stats"] as? [String: String] ?? [:]
        #expect(Set(stats.keys) == Set(ids.values.compactMap(\.first)).union((1...3).map { "\(split)-\($0)" }),
                "a receipt for every message, and for each of the 3 segments aiosmpplib submitted: \(stats)")
        #expect(stats.values.allSatisfy { $0 == "DELIVRD" })
        let mo = result["mo"] as? [String: String] ?? [:]
        #expect(mo["source"]?.hasSuffix("31687654321") == true && mo["text"] == "Reply STOP")
        #expect((result["errors"] as? [String])?.isEmpty == true)
        #expect(try box.count("SELECT count(*) FROM messages WHERE state = 'delivered'") == 5)
        #expect(try box.simulatorSent().values.reduce(0, +) == 1 + 1 + 1 + 3 + 3, "each part once; the payload text in 3 parts")
        box.stop()
    }
}
