import Foundation
import GatewayCore
import GatewayIPC
import GatewayStore
import GatewayTestSupport
import Testing

/// USSD balance checks end to end: simd asks the SIM on air of each modem, modemd writes
/// `AT+CUSD` to the simulator and decodes its `+CUSD` (text on m1, UCS-2 on m2), the answer
/// is stored per SIM and shown by `smsgwctl sims`. When checks come again (`balance_interval`)
/// is the rotation loop's business, tested in process with a manual clock
/// (`RotatorTests.aBalanceCheckComesAgainAfterItsInterval`).
@Suite("smsgw-simd balance checks", .serialized)
struct SimdBalanceTests {
    @Test func checksAndStores() async throws {
        let box = try QueuedBox(extra: QueuedBox.slotSIMs(modems: 2, limits: "",
                                                          group: "balance_ussd = \"*100#\"\nbalance_interval = \"1h\""),
                                modems: 2, modemKeys: QueuedBox.twoSlots)
        try await box.start()
        // m2's SIM answers in UCS-2 (<dcs> 72 = 0x48): "Balance: 7,50 RON"; m1's the simulator's
        // default (SIM800: text, <dcs> 15).
        _ = try box.simulatorControl(#"{"command":"ussd-answer","modem":"m2","text":"#
            + #""00420061006C0061006E00630065003A00200037002C0035003000200052004F004E","code":72}"#)
        try await box.startSimd()
        try await box.waitFor("both SIMs on air checked", within: .seconds(60)) {
            try await box.simdStatus().sims.filter { $0.balance?.text != nil }.count == 2
        }
        let status = try await box.simdStatus()
        let m1a = try #require(status.sims.first { $0.sim == "m1-a" }?.balance)
        #expect(m1a.text == "Your balance is 12.50 EUR. SimNet One." && m1a.amount == "12.50" && m1a.error == nil)
        #expect(m1a.checkedAt != nil)
        let m2a = try #require(status.sims.first { $0.sim == "m2-a" }?.balance)
        #expect(m2a.text == "Balance: 7,50 RON" && m2a.amount == "7.50" && m2a.error == nil)
        #expect(status.sims.first { $0.sim == "m1-b" }?.balance == nil, "m1-b was never on air")
        #expect(box.log("simd").contains("balance of m1-a on m1: Your balance is 12.50 EUR. SimNet One."))
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
