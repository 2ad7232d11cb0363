import Foundation
import GatewayCore
import GatewayStore
import Testing

/// SIGTERM with sends in flight (docs/queued.md): no new send starts, the sends in flight end
/// on modemd and every answer is recorded before queued exits — including the `sent` answers
/// the group commit was still gathering (Dispatcher+SentAnswers.swift), which a lost final
/// flush would leave `pending` and so `unknown` at the next start.
@Suite("smsgw-queued: graceful shutdown with the group commit", .serialized)
struct QueuedShutdownTests {
    @Test("SIGTERM mid-run, three times: every answer gathered is committed, nothing unknown, nothing sent twice")
    func sigtermRecordsGatheredAnswers() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        try await box.start()
        try box.accept((0..<400).map { QueuedBox.message(to: "+3166000\(String(format: "%04d", $0))", .transactional) })
        for round in 0..<3 {
            try await box.waitFor("progress before SIGTERM \(round)") {
                try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") >= 80 * (round + 1)
            }
            await box.queued?.close()
            box.queued = nil
            let process = try #require(box.processes["queued"])
            process.terminate()
            process.waitUntilExit()
            // Stopped cleanly: no attempt was left open, and what the modems sent is what is recorded.
            #expect(try box.count("SELECT count(*) FROM attempts WHERE outcome = 'pending'") == 0, "round \(round)")
            #expect(try box.count("SELECT count(*) FROM messages WHERE state IN ('sending', 'unknown')") == 0, "round \(round)")
            #expect(try box.simulatorSent().values.reduce(0, +) == box.count("SELECT count(*) FROM messages WHERE state = 'sent'"),
                    "round \(round): the modems' count is the store's")
            try await box.startQueued()
        }
        try await box.waitFor("all 400 sent", within: .seconds(40)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 400
        }
        #expect(try box.simulatorSent().values.reduce(0, +) == 400, "each sent once")
        #expect(try box.count("SELECT count(*) FROM attempts") == 400, "one attempt per message")
        box.stop()
    }
}
