import Testing

/// Issue 4's utilisation run, scaled for CI: 200 messages over 8 simulated SIM800s with
/// realistic timing ×0.1 (250 ms per AT+CMGS). The full run is `QueuedUtilisationBenchmarks`.
@Suite("smsgw-queued utilisation", .serialized)
struct QueuedUtilisationTests {
    @Test("200 messages over 8 modems: each sent once, OTPs overtake the marketing backlog, every modem ≥ 90% busy while work waits")
    func keepsEveryModemBusy() async throws {
        let run = QueuedUtilisationRun(messages: 200, timeScale: 0.1, limit: .seconds(60))
        let outcome = try await run.run()
        // Exactly once: the simulator answered 200 AT+CMGS, one attempt each, all recorded sent.
        #expect(outcome.sentPerModem.values.reduce(0, +) == 200, "simulator: \(outcome.sentPerModem)")
        #expect(outcome.attempts == 200)
        #expect(outcome.sentMessages == 200)
        #expect(outcome.sentPerModem.count == 8 && outcome.sentPerModem.values.allSatisfy { $0 > 0 })
        // The 10 OTPs came after 16+ marketing sends with ~174 marketing still waiting; they
        // go out on the next free modems, long before most of that backlog.
        let backlog = 190 - outcome.marketingBeforeOTPsAccepted
        #expect(outcome.marketingBeforeLastOTP - outcome.marketingBeforeOTPsAccepted < backlog / 2,
                "marketing attempts before the last OTP: \(outcome.marketingBeforeLastOTP), \(outcome.marketingBeforeOTPsAccepted) of them before the OTPs were accepted")
        let utilisation = outcome.utilisation
        #expect(utilisation.lowest >= 0.9, "utilisation per modem over \(utilisation.window) s: \(utilisation.perModem)")
        print("queued utilisation ×0.1: lowest \(utilisation.lowest), mean \(utilisation.overall) over \(utilisation.window) s; marketing before last OTP \(outcome.marketingBeforeLastOTP) (\(outcome.marketingBeforeOTPsAccepted) before accept); queued gap \(outcome.queuedGap) ms, attempt \(outcome.attemptMean) ms")
    }
}
