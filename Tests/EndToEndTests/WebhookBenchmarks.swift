import Foundation
import GatewayCore
import Testing
import Webhooks
@testable import IngressdDaemon

/// Signed webhook calls, measured: the real libcurl client (4 workers, kept-alive connections)
/// posting DLR webhooks to the local Python receiver, which verifies each signature with the
/// documented verifier (so the receiver, single-process Python, is part of what is measured).
/// Measurements, not checks: `SMSGW_BENCH=1` (SMSGW_BENCH_WEBHOOKS sets the count, default 2,000).
@Suite("Webhook benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct WebhookBenchmarks {
    static let total = Int(ProcessInfo.processInfo.environment["SMSGW_BENCH_WEBHOOKS"] ?? "") ?? 2_000

    @Test("webhooks: signed calls/s and latency, 4 workers")
    func calls() async throws {
        let receiver = try WebhookReceiverBox(secret: WebhookDeliveryTests.secret)
        let client = HTTPCallClient(workers: 4, userAgent: ProductVersion.userAgent)
        let channel = WebhookChannel(client: client)
        let target = WebhookDeliveryTests.target(receiver.base + "/hook")
        let concurrency = 8, perTask = Self.total / concurrency
        let started = ContinuousClock.now
        let latencies = await withTaskGroup(of: [Double].self) { group in
            for task in 0..<concurrency {
                group.addTask {
                    var latencies: [Double] = []
                    for index in 0..<perTask {
                        let event = WebhookEvent.status(MessageStatusEvent(
                            messageID: Int64(task * perTask + index), state: .delivered, at: Timestamp(millisecondsSince1970: 0)))
                        let before = ContinuousClock.now
                        let result = await channel.deliver(event: event, to: target)
                        latencies.append(Self.milliseconds(ContinuousClock.now - before))
                        if result != .delivered { Issue.record("call \(index): \(result)") }
                    }
                    return latencies
                }
            }
            return await group.reduce(into: []) { $0 += $1 }.sorted()
        }
        let elapsed = Self.milliseconds(ContinuousClock.now - started) / 1_000
        try await client.shutdown()
        let ports = Set(try receiver.requests().map(\.client_port))
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print(String(format: "BENCH webhooks: %d signed calls in %.2f s = %.0f/s; latency p50 %.2f ms, p99 %.2f ms; %d connections",
                     latencies.count, elapsed, Double(latencies.count) / elapsed, percentile(0.5), percentile(0.99), ports.count))
        #expect(ports.count <= 4, "one kept-alive connection per worker")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }
}
