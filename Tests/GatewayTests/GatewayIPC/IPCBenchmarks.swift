import Foundation
import GatewayIPC
import Testing

/// Calls per second through the real sockets: one connection with 20,000 pipelined calls, and
/// four connections sharing 20,000. Prints figures, asserts no time; runs only under
/// `scripts/bench` (SMSGW_BENCH=1 enables it).
@Suite("IPC benchmarks", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct IPCBenchmarks {
    static let calls = 20_000
    /// Calls each connection keeps in flight (queued -> modemd pipelines like this).
    static let window = 64

    @Test("calls per second on 1 and 4 connections", arguments: [1, 4])
    func callsPerSecond(connections: Int) async throws {
        try await withTestServer { _, path in
            var clients: [IPCClient<TestProtocol>] = []
            for _ in 0..<connections { clients.append(try await IPCClient.connect(to: path, protocol: TestProtocol.self)) }
            let perConnection = Self.calls / connections
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in clients {
                    for lane in 0..<Self.window {
                        group.addTask {
                            for index in stride(from: lane, to: perConnection, by: Self.window) {
                                let reply = try await client.call(.add(index, 1))
                                #expect(reply == .sum(index + 1))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("IPC benchmark: \(connections) connection(s), \(Self.window) in flight each: \(Self.calls) calls in \(String(format: "%.3f", seconds)) s = \(Int(Double(Self.calls) / seconds)) calls/s")
            for client in clients { await client.close() }
        }
    }
}
