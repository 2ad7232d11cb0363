import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Testing

/// USSD balance checks end to end: simd asks the SIM on air of each modem on its
/// schedule, modemd writes `AT+CUSD` to the simulator and decodes its `+CUSD`, the answer is
/// stored per SIM and shown by `smsgwctl sims`.
@Suite("smsgw-simd balance checks", .serialized)
struct SimdBalanceTests {
    @Test func checksOnScheduleAndStores() async throws {
        let box = try QueuedBox(extra: QueuedBox.slotSIMs(modems: 2, limits: "",
                                                          group: "balance_ussd = \"*100#\"\nbalance_interval = \"1h\""),
                                modems: 2, modemKeys: QueuedBox.twoSlots)
        try box.setClockOffset(0)
        try await box.start()
        try await box.startSimd(environment: ["SMSGW_SIMD_TICK_MS": "200"])
        // The simulator's default answer on both SIMs on air (SIM800: text, <dcs> 15).
        try await box.waitFor("both SIMs on air checked", within: .seconds(60)) {
            try await box.simdStatus().sims.filter { $0.balance?.text != nil }.count == 2
        }
        var status = try await box.simdStatus()
        let m1a = try #require(status.sims.first { $0.sim == "m1-a" }?.balance)
        #expect(m1a.text == "Your balance is 12.50 EUR. SimNet One." && m1a.amount == "12.50" && m1a.error == nil)
        #expect(status.sims.first { $0.sim == "m1-b" }?.balance == nil, "m1-b was never on air")
        #expect(box.log("simd").contains("balance of m1-a on m1: Your balance is 12.50 EUR. SimNet One."))
        let first = try #require(m1a.checkedAt)

        // Within the interval nothing is asked again; an hour and more later (the box's clock
        // driven) it is, and m2's SIM now answers in UCS-2 (<dcs> 72 = 0x48): "Balance: 7,50 RON".
        _ = try box.simulatorControl(#"{"command":"ussd-answer","modem":"m2","text":"#
            + #""00420061006C0061006E00630065003A00200037002C0035003000200052004F004E","code":72}"#)
        // simd decides the checks every turn: after a few more turns, m1-a was not asked again.
        let turns = try await box.simdProgress()
        try await box.waitFor("three more simd turns") { try await box.simdProgress() >= turns + 3 }
        #expect(try await box.simdStatus().sims.first { $0.sim == "m1-a" }?.balance?.checkedAt == first)
        try box.setClockOffset(3700)
        try await box.waitFor("m2-a checked again", within: .seconds(30)) {
            try await box.simdStatus().sims.first { $0.sim == "m2-a" }?.balance?.text == "Balance: 7,50 RON"
        }
        try await box.waitFor("m1-a checked again", within: .seconds(30)) {
            try await box.simdStatus().sims.first { $0.sim == "m1-a" }?.balance?.checkedAt ?? 0 > first + 3_600_000
        }
        status = try await box.simdStatus()
        #expect(status.sims.first { $0.sim == "m2-a" }?.balance?.amount == "7.50")
        // The modems were paused only for the checks: none is left paused.
        try await box.waitFor("no modem paused") {
            try await box.status().pausedModems.isEmpty && box.count("SELECT count(*) FROM simd_pauses") == 0
        }
        #expect(try box.count("SELECT count(*) FROM sim_balances WHERE error IS NULL") == 2)

        // smsgwctl sims: the BALANCE column (the amount), and the whole answer in --json.
        let table = try runProduct("smsgwctl", ["sims", "--config", box.configPath])
        let rows = table.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first?[8] == "BALANCE")
        #expect(rows.dropFirst().prefix(4).map { $0[8] } == ["12.50", "-", "7.50", "-"], "\(table.standardOutput)")
        let json = try runProduct("smsgwctl", ["sims", "--json", "--config", box.configPath])
        let decoded = try JSONDecoder().decode(SimdStatus.self, from: Data(json.standardOutput.utf8))
        #expect(decoded.sims.first { $0.sim == "m2-a" }?.balance?.text == "Balance: 7,50 RON")
    }
}
