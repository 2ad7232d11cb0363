import Foundation
import GatewayCore
import GatewayStore
import Testing

/// The real dispatch path, measured (the budget, docs/architecture.md: with zero-delay simulated
/// modems the box moves >= 2,000 messages/s to the modems): `smsgw-modemsim --fast` with eight
/// modems, `smsgw-modemd`, `smsgw-queued`, a real SQLite file with synchronous=FULL.
/// SMSGW_BENCH_MESSAGES messages (default 5,000) are accepted in batches of 500 while the
/// queue runs; the time from the first accept until every one is `sent` gives messages/s.
/// Per-modem utilisation: the share of that time each modem had an attempt open
/// (attempts.finished_at - started_at). Measurements, not checks (`scripts/bench
/// QueuedPipelineBenchmarks`, SMSGW_BENCH=1 only).
@Suite("Queue pipeline benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct QueuedPipelineBenchmarks {
    static let eightModems = """
        [[sim_groups]]
        id = "default"

        """ + (1...8).map { "[[sims]]\nid = \"m\($0)-a\"\nmodem = \"m\($0)\"\nslot = 0\ngroups = [\"default\"]\n" }.joined()

    @Test("accepted to sent through simulator, modemd and queued with eight modems")
    func endToEnd() async throws {
        let total = Int(ProcessInfo.processInfo.environment["SMSGW_BENCH_MESSAGES"] ?? "") ?? 5_000
        let box = try QueuedBox(extra: Self.eightModems, modems: 8)
        try await box.start()
        let messages = (0..<total).map { QueuedBox.message(to: "+3163\(String(format: "%07d", $0))", .transactional) }
        let clock = ContinuousClock()
        let started = clock.now
        let wall = QueuedBox.now
        for batch in stride(from: 0, to: total, by: 500) { try box.accept(Array(messages[batch..<min(batch + 500, total)])) }
        try await box.waitFor("\(total) sent", within: .seconds(600)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == total
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let busy = try box.database().connection.query(
            "SELECT m.name, sum(a.finished_at - a.started_at), count(*) FROM attempts a JOIN modems m ON m.id = a.modem_id WHERE a.started_at >= ? GROUP BY m.name ORDER BY m.name",
            wall.millisecondsSince1970) { row in (row.text(0), row.int(1), row.int(2)) }
        print("BENCH queue end to end, 8 modems: \(total) messages in \(String(format: "%.2f", seconds)) s = \(Int(Double(total) / seconds)) messages/s")
        for (name, milliseconds, count) in busy {
            print("BENCH   \(name): \(count) sent, busy \(Int(Double(milliseconds) / 10 / seconds))%")
        }
        #expect(try box.count("SELECT count(*) FROM attempts") == total, "one attempt per message")
        box.stop()
    }
}
