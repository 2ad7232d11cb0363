import Foundation
import Testing

/// The utilisation run at full size: 2,000 messages over 8 simulated SIM800s with
/// realistic timing (2.5 s per AT+CMGS: ~10 minutes). A measurement against the budget (docs/architecture.md)
/// (every ready modem ≥ 98% of the modem-bound limit), not a timed test: `scripts/bench
/// QueuedUtilisationBenchmarks` (SMSGW_BENCH=1 enables it; SMSGW_BENCH_MESSAGES and
/// SMSGW_BENCH_TIME_SCALE change the size and the simulator's time scale).
@Suite("Queue utilisation benchmark", .enabled(if: ProcessInfo.processInfo.environment["SMSGW_BENCH"] == "1"), .serialized)
struct QueuedUtilisationBenchmarks {
    @Test("2,000 messages over 8 modems with realistic timing: utilisation while work waits")
    func measure() async throws {
        let environment = ProcessInfo.processInfo.environment
        let messages = Int(environment["SMSGW_BENCH_MESSAGES"] ?? "") ?? 2_000
        let timeScale = Double(environment["SMSGW_BENCH_TIME_SCALE"] ?? "") ?? 1
        let run = QueuedUtilisationRun(messages: messages, timeScale: timeScale, limit: .seconds(3_600))
        let outcome = try await run.run()
        // Correctness still holds at full size; the figures are printed, not judged.
        #expect(outcome.sentPerModem.values.reduce(0, +) == messages)
        #expect(outcome.attempts == messages)
        let utilisation = outcome.utilisation
        let perModem = utilisation.perModem.sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }
            .map { "\($0.key) \(String(format: "%.2f", $0.value * 100))%" }.joined(separator: ", ")
        print("BENCH queue utilisation, \(messages) messages, 8 modems, time scale \(timeScale): "
              + "lowest \(String(format: "%.2f", utilisation.lowest * 100))%, mean \(String(format: "%.2f", utilisation.overall * 100))% "
              + "(goal 98%) over \(String(format: "%.1f", utilisation.window)) s of waiting work")
        print("BENCH queue utilisation per modem: \(perModem)")
        print("BENCH queue utilisation sends per modem: \(outcome.sentPerModem.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("BENCH queue OTP overtaking: \(outcome.marketingBeforeLastOTP - outcome.marketingBeforeOTPsAccepted) marketing sends between accepting \(run.otps) OTPs and the last OTP's send (\(outcome.marketingBeforeOTPsAccepted) before, \(messages - run.otps - outcome.marketingBeforeOTPsAccepted) were waiting)")
        print("BENCH queue utilisation gaps: outcome recorded → next attempt on that modem \(String(format: "%.1f", outcome.queuedGap.mean)) ms mean, \(outcome.queuedGap.max) ms max; attempt begun → recorded \(String(format: "%.1f", outcome.attemptMean)) ms mean")
        print("BENCH queue utilisation wall time: \(outcome.elapsed)")
    }
}
