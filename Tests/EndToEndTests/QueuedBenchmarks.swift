import Foundation
import GatewayCore
import GatewayStore
import QueueCore
import Testing

/// Measurements, not checks (`scripts/bench QueuedBenchmarks`; SMSGW_BENCH=1 enables it;
/// SMSGW_BENCH_BACKLOG sets the backlog, default 1,000,000). The queue's store path: enqueue
/// (accept, 50 per FULL transaction) and dispatch (pick 1 → begin the attempt, which also
/// charges the SIM's counters → record its TP-MR, each in its own `recordSentAndBegin` commit as
/// smsgw-queued's turns make them), on an empty file and with the backlog waiting.
@Suite("Queue benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct QueuedBenchmarks {
    static func rate(_ count: Int, _ body: () throws -> Void) rethrows -> Int {
        let elapsed = try ContinuousClock().measure(body)
        return Int(Double(count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    }

    static func enqueueRate(_ db: GatewayDatabase, now: Timestamp) throws -> Int {
        let batch = (0..<50).map { QueuedBox.message(to: "+3161234\(String(format: "%04d", $0))", .transactional) }
        return try rate(100 * 50) { for _ in 0..<100 { _ = try db.accept(batch, now: now) } }
    }

    static func dispatchRate(_ db: GatewayDatabase, modem: Int64, sim: Int64, now: Timestamp) throws -> Int {
        try rate(500) {
            for index in 0..<500 {
                guard let message = try db.pickSendable(now: now, limit: 1).first, let part = message.parts.first else { return }
                let calendar = LocalCalendar.utc  // as smsgw-queued draws the windows on a UTC box
                let windows = SimCounterWindows(hour: calendar.start(of: .hour, containing: now),
                                                day: calendar.start(of: .day, containing: now),
                                                month: calendar.start(of: .month, containing: now))
                _ = try db.recordSentAndBegin([], begin: [.init(messageID: message.id, modemID: modem, simID: sim, windows: windows)],
                                              now: now)
                _ = try db.recordSentAndBegin([.init(partIDs: [part.id], references: [UInt8(index % 256)])], begin: [], now: now)
            }
        }
    }

    @Test("enqueue and dispatch rates, empty and with a backlog")
    func measure() throws {
        let backlog = Int(ProcessInfo.processInfo.environment["SMSGW_BENCH_BACKLOG"] ?? "") ?? 1_000_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("queued-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = QueuedBox.now
        let db = try GatewayDatabase(path: directory.appendingPathComponent("bench.sqlite").path, now: now)
        let modem = try db.upsertModem(name: "m1", device: "/dev/null", now: now)
        let sim = try db.upsertSim(iccid: "8900000000000000001", imsi: nil, operatorName: nil, modemID: modem, slot: 0, now: now)

        print("BENCH queue enqueue, empty: \(try Self.enqueueRate(db, now: now)) messages/s")
        print("BENCH queue dispatch (pick+charged attempt+sent), empty: \(try Self.dispatchRate(db, modem: modem, sim: sim, now: now)) messages/s")

        let time = now.millisecondsSince1970
        try db.connection.transaction {
            try db.connection.run("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
                INSERT INTO messages (account, source, destination, class, priority, text, encoding, units, state,
                    not_before, expires_at, registered_delivery, created_at, updated_at)
                SELECT 'bulk', 'ACME', '+3161' || (1000000 + i), 'marketing', 0, 'hello', 'gsm7', 1, 'queued',
                    ?1 - 1000000 + i, ?1 + 86400000, 0, ?1 - 1000000 + i, ?1 FROM n
                """, time, backlog)
            try db.connection.run("""
                INSERT INTO message_parts (message_id, seq, pdu_hex)
                SELECT id, 1, '01000B911316325476F80000AA05E8329BFD06' FROM messages WHERE account = 'bulk'
                """)
        }
        try db.connection.execute("ANALYZE")
        print("BENCH queue enqueue, \(backlog) waiting: \(try Self.enqueueRate(db, now: now)) messages/s")
        print("BENCH queue dispatch, \(backlog) waiting: \(try Self.dispatchRate(db, modem: modem, sim: sim, now: now)) messages/s")
    }
}
