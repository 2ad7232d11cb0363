import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import Testing

/// SIGTERM with a send that does not end (docs/queued.md; rootfs' smsgw-queued.service): the
/// sends in flight get `--stop-grace` to end; one still running then is cut and recorded
/// `unknown` — never `failed`, it may still go out — and queued exits, well inside the unit's
/// `TimeoutStopSec=` (a SIGKILL there would leave the attempt `pending` for the next start).
@Suite("smsgw-queued: the stop grace", .serialized)
struct QueuedStopGraceTests {
    @Test("a send wedged in the modem is cut after the grace and recorded unknown; queued exits")
    func wedgedSendIsCutAtStop() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        try await box.start()
        // queued again, with a 2 s grace (the unit's is 10 s).
        await box.queued?.close()
        box.queued = nil
        let first = try #require(box.processes["queued"])
        first.terminate()
        first.waitUntilExit()
        box.processes["queued"] = try box.launch("smsgw-queued", ["--config", box.configPath, "--stop-grace", "2"],
                                                 log: "queued", append: true)
        box.queued = try await IPCClient<QueuedProtocol>.connect(to: "\(box.runtime)/queued.sock", retryingFor: .seconds(20))
        try await box.waitFor("4 ready modems") { try await box.status().readyModems.count == 4 }

        // Every modem takes the PDU and never answers: modemd waits ~26 s for +CMGS.
        for modem in ["m1", "m2", "m3", "m4"] { _ = try box.simulatorControl(#"{"command":"hang-in-send","modem":"\#(modem)"}"#) }
        let id = try box.accept([QueuedBox.message(to: "+31650000009", .transactional)])[0]
        try await box.waitFor("the send in flight") { try await box.status().inFlight.values.contains(id) }
        await box.queued?.close()
        box.queued = nil

        let process = try #require(box.processes["queued"])
        let stopping = ContinuousClock.now
        process.terminate()
        process.waitUntilExit()
        let stopped = ContinuousClock.now - stopping
        print("queued stopped \(stopped) after SIGTERM with a wedged send")
        #expect(stopped >= .seconds(2), "the send had its grace")
        #expect(stopped < .seconds(10), "cut at the grace, not waited for (modemd answers after ~30 s)")
        #expect(process.terminationStatus == 0)

        let attempt = try #require(try box.database().connection.queryFirst(
            "SELECT outcome, error_detail FROM attempts WHERE message_id = ?", id) { ($0.text(0), $0.optionalText(1)) })
        #expect(attempt.0 == "unknown")
        #expect(attempt.1?.hasPrefix("send cut by queued's stop after 2") == true, "\(attempt.1 ?? "no detail")")
        #expect(try box.database().state(of: id) == .unknown)
        #expect(try box.simulatorSent().values.reduce(0, +) == 0, "the modem took the PDU but never answered")
        box.stop()
    }
}
