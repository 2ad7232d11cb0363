import Foundation
import GatewayCore
import GatewayTestSupport
import Testing

/// `smsgwctl queue pause|resume|cancel` against a running smsgw-queued (full output compared).
@Suite("smsgwctl queue pause, resume, cancel", .serialized)
struct QueueControlCommandTests {
    @Test("pause and resume a modem and a SIM; cancel a waiting message once; bad input exits 2")
    func pauseResumeCancel() async throws {
        let box = try QueuedBox(extra: QueuedEndToEndTests.oneGroup)
        try await box.start()
        let socket = ["--socket", "\(box.runtime)/queued.sock"]
        for modem in ["m1", "m2", "m3", "m4"] {
            let paused = try runProduct("smsgwctl", ["queue", "pause", "--modem", modem, "--config", box.configPath])
            #expect(paused.status == 0, "\(paused.standardError)")
        }
        let sim = try runProduct("smsgwctl", ["queue", "pause", "--sim", "8900000000000000001"] + socket)
        #expect(sim.standardOutput == "paused modems: m1 m2 m3 m4\npaused SIMs: 8900000000000000001\n")
        // Every modem paused: an accepted message waits, and can be cancelled.
        let id = try box.accept([QueuedBox.message(to: "+31612340000", .transactional)])[0]
        let cancelled = try runProduct("smsgwctl", ["queue", "cancel", "\(id)"] + socket)
        #expect(cancelled.status == 0 && cancelled.standardOutput == "message \(id) cancelled\n")
        let again = try runProduct("smsgwctl", ["queue", "cancel", "\(id)"] + socket)
        #expect(again.status == 1 && again.standardOutput == "message \(id) not cancelled: already sending or final\n")
        #expect(try box.count("SELECT count(*) FROM messages WHERE id = \(id) AND state = 'cancelled'") == 1)
        #expect(try box.count("SELECT count(*) FROM attempts WHERE message_id = \(id)") == 0, "a paused box sent nothing")

        _ = try runProduct("smsgwctl", ["queue", "resume", "--sim", "8900000000000000001"] + socket)
        for modem in ["m1", "m2", "m3"] { _ = try runProduct("smsgwctl", ["queue", "resume", "--modem", modem] + socket) }
        let last = try runProduct("smsgwctl", ["queue", "resume", "--modem", "m4"] + socket)
        #expect(last.standardOutput == "paused modems: none\npaused SIMs: none\n")
        let next = try box.accept([QueuedBox.message(to: "+31612340001", .transactional)])[0]
        try await box.waitFor("the next message sent after resume") {
            try box.count("SELECT count(*) FROM messages WHERE id = \(next) AND state = 'sent'") == 1
        }

        let both = try runProduct("smsgwctl", ["queue", "pause", "--modem", "m1", "--sim", "1"] + socket)
        #expect(both.status == 2 && both.standardError.contains("name exactly one of --modem and --sim"))
        let unknown = try runProduct("smsgwctl", ["queue", "pause", "--modem", "m9"] + socket)
        #expect(unknown.status == 2 && unknown.standardError == "smsgwctl: smsgw-queued at \(box.runtime)/queued.sock: no modem \"m9\" in the configuration\n")
        // The status is still the default subcommand.
        #expect(try runProduct("smsgwctl", ["queue"] + socket).standardOutput.hasPrefix("modemd: connected, ready modems: m1 m2 m3 m4"))
        box.stop()
    }
}
