import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import Testing

/// smsgw-simd with the real simulator (--fast), modemd and queued (issue 6, "How it is
/// checked"): 2 modems × 2 SIMs.
@Suite("smsgw-simd end to end", .serialized)
struct SimdEndToEndTests {
    static let destinations = (0..<20).map { "+3161000\(String(format: "%04d", $0))" }

    /// A daily limit of 5 per SIM and 20 messages: every SIM sends exactly 5, never more, and
    /// each modem was rotated to its second SIM — in the log and in the store's history.
    @Test func rotatesAtTheDailyLimit() async throws {
        let box = try QueuedBox(extra: QueuedBox.slotSIMs(modems: 2, limits: "per_hour = 5\nper_day = 5\nper_month = 100"),
                                modems: 2, modemKeys: QueuedBox.twoSlots)
        try await box.start()
        try await box.startSimd()
        try box.accept(Self.destinations.map { QueuedBox.message(to: $0, .transactional) })
        try await box.waitFor("20 messages sent", within: .seconds(60)) {
            try box.count("SELECT count(*) FROM messages WHERE state = 'sent'") == 20
        }
        #expect(try box.daySent() == ["m1-a": 5, "m1-b": 5, "m2-a": 5, "m2-b": 5])
        #expect(try box.simulatorSent().values.reduce(0, +) == 20)
        let log = box.log("simd")
        #expect(log.contains("rotation on m1: m1-a → m1-b (day limit reached)") || log.contains("rotation on m1: m1-b → m1-a (day limit reached)"), "\(log.suffix(3000))")
        #expect(log.contains("rotation on m2:"))
        let database = try box.database()
        for sim in ["m1-a", "m1-b", "m2-a", "m2-b"] {
            #expect(try database.simEvents(sim).contains { $0.to == .active }, "\(sim) was never on air")
        }
        // Every SIM is full: nothing may be on air, both modems held paused by simd.
        try await box.waitFor("both modems idle-paused") { try await box.status().pausedModems == ["m1", "m2"] }
        let status = try await box.simdStatus()
        #expect(status.sims.map(\.sentDay) == [5, 5, 5, 5])
        #expect(status.sims.allSatisfy { $0.state == "cooling" }, "\(status.sims.map { "\($0.sim) \($0.state) \($0.reason)" })")
    }
}
