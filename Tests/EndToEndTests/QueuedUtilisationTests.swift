import Testing

/// The utilisation run, scaled for CI: 200 messages over 8 simulated SIM800s with
/// realistic timing ×0.2 (500 ms per AT+CMGS: at ×0.1 the ~12 ms of IPC and AT dialogue each
/// send costs is 5%, and a loaded CI machine dipped to 90.2%). The full run is
/// `QueuedUtilisationBenchmarks`.
@Suite("smsgw-queued utilisation", .serialized)
struct QueuedUtilisationTests {
    @Test("200 messages over 8 modems: each sent once, OTPs overtake the marketing backlog, every modem ≥ 90% busy while work waits")
    func keepsEveryModemBusy() async throws {
        let run = QueuedUtilisationRun(messages: 200, timeScale: 0.2, limit: .seconds(60))
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
        print("queued utilisation ×0.2: lowest \(utilisation.lowest), mean \(utilisation.overall) over \(utilisation.window) s; marketing before last OTP \(outcome.marketingBeforeLastOTP) (\(outcome.marketingBeforeOTPsAccepted) before accept); queued gap \(outcome.queuedGap) ms, attempt \(outcome.attemptMean) ms")
    }

    @Test("utilisation: busy time inside the window of waiting work (first send to last send started), per modem")
    func computesUtilisation() {
        let modems = [
            // Busy back to back from 0 s; its last send (started at 9 s) runs 1 s past the window: 100%.
            "m1": SimulatorModem(id: "m1", sent: 4, busySeconds: 10, firstSendAt: 0, lastSendAt: 9, lastSendFinishedAt: 10),
            // Starts 1 s late and idles between sends: 6 s busy inside a 9 s window.
            "m2": SimulatorModem(id: "m2", sent: 3, busySeconds: 6, firstSendAt: 1, lastSendAt: 8, lastSendFinishedAt: 9),
            // Never sent: 0%, and it does not move the window.
            "m3": SimulatorModem(id: "m3", sent: 0, busySeconds: 0),
        ]
        let utilisation = QueuedUtilisationRun.utilisation(modems)
        #expect(utilisation.window == 9)
        #expect(utilisation.perModem["m1"] == 1)
        #expect(abs((utilisation.perModem["m2"] ?? 0) - 6.0 / 9) < 1e-9)
        #expect(utilisation.perModem["m3"] == 0)
        #expect(utilisation.lowest == 0)
        // Nothing sent at all: no window, no figures.
        #expect(QueuedUtilisationRun.utilisation(["m3": SimulatorModem(id: "m3", sent: 0, busySeconds: 0)]).perModem.isEmpty)
    }
}
