import Foundation
import GatewayCore
import GatewayStore
import GatewayTestSupport
import Testing

/// DLRs going up, measured: N delivery reports wait in the outbox (as status reports leave
/// them), one receiver binds and answers every deliver_sm at once; the time from bind to the
/// last deliver_sm received, and the outbox all done. Measurements, not checks:
/// `scripts/bench IngressUpstreamBenchmarks` (SMSGW_BENCH=1; SMSGW_BENCH_DLRS, default 5,000).
@Suite("Ingress upstream benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct IngressUpstreamBenchmarks {
    static let total = Int(ProcessInfo.processInfo.environment["SMSGW_BENCH_DLRS"] ?? "") ?? 5_000

    @Test("SMPP: DLRs as deliver_sm to one receiver")
    func dlrsToOneReceiver() async throws {
        let box = try IngressSMPPBox(logLevel: "notice")
        try await box.start()
        let database = try GatewayDatabase(path: box.databasePath, now: Timestamp(millisecondsSince1970: 0))
        let now = Timestamp(millisecondsSince1970: Int64(Date().timeIntervalSince1970 * 1000))
        let ids = try database.accept((0..<Self.total).map { index in
                NewMessage(account: "platform", source: "Shop", destination: "+49151\(String(format: "%08d", index))",
                           messageClass: .otp, text: "Code \(index)", encoding: .gsm7, partsHex: ["0100"],
                           expiresAt: now + .seconds(3600), reportMask: .final)
            }, now: now)
        try database.connection.transaction {
            for id in ids {
                let payload = DeliveryReportPayload(messageID: id, upstreamMessageID: nil, clientReference: nil,
                                                    state: .delivered, at: now, statusReportID: 0)
                _ = try database.enqueueOutbox(kind: .dlr, account: "platform", messageID: id,
                                               payload: Array(payload.json.utf8), now: now)
            }
        }
        let output = try box.runPython(#"""
            import socket, struct, sys, time
            port, total = int(sys.argv[1]), \#(Self.total)
            s = socket.create_connection(('127.0.0.1', port), timeout=30)
            s.sendall(struct.pack('>IIII', 16 + 17, 0x01, 0, 1) + b'esme\x00s3cret\x00\x00\x34\x00\x00\x00')
            buffer = b''
            def frames():
                global buffer
                while True:
                    while len(buffer) >= 16 and len(buffer) >= struct.unpack('>I', buffer[:4])[0]:
                        length = struct.unpack('>I', buffer[:4])[0]
                        frame, buffer = buffer[:length], buffer[length:]
                        yield struct.unpack('>IIII', frame[:16])
                    buffer += s.recv(65536)
            started, got = time.monotonic(), 0
            for length, command, status, sequence in frames():
                if command == 0x00000005:
                    s.sendall(struct.pack('>IIII', 17, 0x80000005, 0, sequence) + b'\x00')
                    got += 1
                    if got == total: break
            print('%.3f' % (time.monotonic() - started))
            """#)
        let seconds = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        // Every deliver_sm was answered ESME_ROK: each entry is done once ingressd has read its answer.
        var done = 0
        try await Eventually.wait(for: "\(Self.total) outbox entries done", within: .seconds(30)) {
            done = try database.connection.queryFirst("SELECT count(*) FROM upstream_outbox WHERE state = 'done'") { $0.int(0) } ?? 0
            return done == Self.total
        }
        print("BENCH SMPP DLRs: \(Self.total) deliver_sm to one receiver in \(String(format: "%.2f", seconds)) s = "
              + "\(Int(Double(Self.total) / max(seconds, 0.001)))/s; outbox done: \(done)")
    }
}
