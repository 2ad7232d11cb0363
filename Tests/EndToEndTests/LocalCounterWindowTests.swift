import Foundation
import GatewayCore
import GatewayStore
import QueueCore
import Testing

/// SIM limits count in the box's local calendar: the
/// store keys `sim_counters` by the window starts the queue draws with `LocalCalendar`, and
/// `SIMSelector` reads them. In Europe/Amsterdam a daily limit resets at local midnight, an
/// hour before UTC's in winter.
@Suite("SIM counters by the local calendar")
struct LocalCounterWindowTests {
    static func instant(_ iso: String) -> Timestamp {
        Timestamp(millisecondsSince1970: Int64((ISO8601DateFormatter().date(from: iso)?.timeIntervalSince1970 ?? 0) * 1000))
    }

    @Test("a daily limit reached at 23:30 local resets at local midnight (23:00Z), not at 00:00Z")
    func dailyLimitResetsAtLocalMidnight() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/Europe/Amsterdam")))
        let calendar = LocalCalendar(zone: try ZoneRules(tzif: bytes))
        func windows(_ time: Timestamp) -> SimCounterWindows {
            SimCounterWindows(hour: calendar.start(of: .hour, containing: time), day: calendar.start(of: .day, containing: time),
                              month: calendar.start(of: .month, containing: time))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("local-counters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let evening = Self.instant("2026-01-15T22:30:00Z")  // 23:30 in Amsterdam (CET, UTC+1)
        let db = try GatewayDatabase(path: directory.appendingPathComponent("gateway.sqlite").path, now: evening)
        let modem = try db.upsertModem(name: "m1", device: "/dev/null", now: evening)
        let simID = try db.upsertSim(iccid: "8931440000000000001", imsi: nil, operatorName: nil, modemID: modem, slot: 0, now: evening)
        let ids = try db.accept((1...2).map { _ in
            NewMessage(account: "acme", source: "ACME", destination: "+31612345678", messageClass: .transactional, text: "hi",
                       encoding: .gsm7, partsHex: ["0011000B911316325476F80000AA05E8329BFD06"], expiresAt: evening + .seconds(86_400))
        }, now: evening)
        // As smsgw-queued begins them: one commit, charged in the local windows.
        _ = try db.recordSentAndBegin([], begin: ids.map {
            GatewayDatabase.AttemptStart(messageID: $0, modemID: modem, simID: simID, windows: windows(evening))
        }, now: evening)

        let sim = SIMConfiguration(id: "a", modem: "m1", slot: 0, groups: ["default"],
                                   limits: SIMLimits(perHour: 100, perDay: 2, perMonth: 1000, cooldown: .zero))
        let selector = SIMSelector(calendar: calendar, stickyWindow: .zero)
        let modems = ["m1": QueueCore.ModemStatus(id: "m1", state: .ready)]
        func selection(at time: Timestamp) throws -> SIMSelection {
            let w = windows(time)
            let counts = WindowCounts(hour: try db.simCounts(simID: simID, period: .hour, windows: w).sent,
                                      day: try db.simCounts(simID: simID, period: .day, windows: w).sent,
                                      month: try db.simCounts(simID: simID, period: .month, windows: w).sent)
            return selector.select(among: [SIMStatus(sim: sim, counts: counts)], modems: modems, now: time)
        }
        let localMidnight = Self.instant("2026-01-15T23:00:00Z")
        // 23:45 local: full, and the wait says when it resets.
        guard case .wait(let wait) = try selection(at: Self.instant("2026-01-15T22:45:00Z")) else {
            Issue.record("a SIM at its daily limit was chosen")
            return
        }
        #expect(wait.reason == .limitReached(.day, resetsAt: localMidnight))
        #expect(wait.lookAgainAt == localMidnight)
        // 00:10 local (23:10Z, still the same UTC day): a new local day, the SIM sends again.
        guard case .chosen(let choice) = try selection(at: Self.instant("2026-01-15T23:10:00Z")) else {
            Issue.record("the daily limit did not reset at local midnight")
            return
        }
        #expect(choice.simID == "a")
        // The month window is local too: both messages still count in January.
        #expect(try db.simCounts(simID: simID, period: .month, windows: windows(Self.instant("2026-01-15T23:10:00Z"))).sent == 2)
    }
}
