import Foundation
import GatewayCore
import Testing
@testable import GatewayStore

/// Measurements, not checks: run with
/// `scripts/bench` (SMSGW_BENCH=1 enables it).
/// Prints accept rates (50-message transactions, synchronous=FULL) on an empty file and on one
/// holding 1,000,000 queued messages, and the pick latency on the latter.
@Suite("Store benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct StoreBenchmarks {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func acceptRate(_ db: GatewayDatabase, transactions: Int) throws -> Double {
        let batch = (0..<50).map { index in Fixtures.message(to: "+3161234\(String(format: "%04d", index))") }
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<transactions { _ = try db.accept(batch, now: .testStart) }
        }
        return Double(transactions * 50) / seconds(elapsed)
    }

    static func percentile(_ samples: [Duration], _ fraction: Double) -> Double {
        let sorted = samples.sorted()
        return seconds(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]) * 1e6
    }

    @Test("accept rate and pick latency")
    func measure() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }  // the directory outlives the connection
        let db = try temporary.open()
        let emptyRate = try Self.acceptRate(db, transactions: 200)
        print("BENCH accept, empty file: \(Int(emptyRate)) messages/s (50 per transaction, FULL)")

        let seedStart = ContinuousClock.now
        let now = Timestamp.testStart.millisecondsSince1970
        try db.connection.transaction {
            try db.connection.run("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
                INSERT INTO messages (account, source, destination, class, priority, text, encoding, units, state,
                    not_before, expires_at, registered_delivery, created_at, updated_at)
                SELECT 'bulk', 'ACME', '+3161' || (1000000 + i),
                    CASE i % 3 WHEN 0 THEN 'otp' WHEN 1 THEN 'transactional' ELSE 'marketing' END, i % 4, 'hello',
                    'gsm7', 1, 'queued', ?1 - 1000000 + i, ?1 + 86400000, 0, ?1 - 1000000 + i, ?1 FROM n
                """, now)
            try db.connection.run("""
                INSERT INTO message_parts (message_id, seq, pdu_hex)
                SELECT id, 1, '0011000B911316325476F80000AA05E8329BFD06' FROM messages WHERE account = 'bulk'
                """)
        }
        try db.connection.execute("ANALYZE")
        print("BENCH seeded 1,000,000 queued messages in \(Self.seconds(ContinuousClock.now - seedStart)) s")

        let loadedRate = try Self.acceptRate(db, transactions: 200)
        print("BENCH accept, 1,000,000 queued: \(Int(loadedRate)) messages/s (50 per transaction, FULL)")

        let clock = ContinuousClock()
        for limit in [1, 50] {
            var samples: [Duration] = []
            for _ in 0..<1_000 {
                samples.append(try clock.measure { _ = try db.pickSendable(now: .testStart, limit: limit) })
            }
            print("BENCH pick limit \(limit), 1,000,000 queued: median \(Self.percentile(samples, 0.5)) µs, "
                + "p99 \(Self.percentile(samples, 0.99)) µs")
        }
        // The queue's loop: pick one, start its attempt (it leaves 'queued'), pick the next.
        let (modem, sim) = try Fixtures.modemAndSim(db)
        var cycle: [Duration] = []
        for _ in 0..<1_000 {
            cycle.append(try clock.measure {
                guard let next = try db.pickSendable(now: .testStart, limit: 1).first else { return }
                _ = try Fixtures.begin(db, message: next.id, modem: modem, sim: sim, at: .testStart)
            })
        }
        print("BENCH pick + begin (FULL commit), 1,000,000 queued: median \(Self.percentile(cycle, 0.5)) µs, "
            + "p99 \(Self.percentile(cycle, 0.99)) µs")
        #expect(try db.pickSendable(now: .testStart, limit: 1).count == 1)
    }
}
