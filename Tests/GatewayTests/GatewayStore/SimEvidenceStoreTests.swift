import GatewayCore
import Testing
@testable import GatewayStore

/// Migration 11: what simd keeps across restarts — stints' drawn thresholds, registration
/// losses — and the USSD balances.
@Suite("Store: SIM evidence and balances")
struct SimEvidenceStoreTests {
    @Test("a stint's thresholds come back as drawn; a new stint of the SIM replaces them")
    func stints() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        let first = SimStintRecord(sim: "m1-a", since: .testStart, messageLimit: 47, duration: .milliseconds(6_543_000))
        try db.saveStint(first)
        try db.saveStint(SimStintRecord(sim: "m1-b", since: .testStart, messageLimit: nil, duration: nil))
        #expect(try db.stints() == [first, SimStintRecord(sim: "m1-b", since: .testStart, messageLimit: nil, duration: nil)])
        let second = SimStintRecord(sim: "m1-a", since: .testStart + .seconds(60), messageLimit: 53, duration: nil)
        try db.saveStint(second)
        #expect(try db.stints().first == second)
        // A drawn count is at least 1 (Stint.thresholds): 0 is refused.
        #expect(throws: SQLiteError.self) { try db.saveStint(SimStintRecord(sim: "m1-c", since: .testStart, messageLimit: 0, duration: nil)) }
    }

    @Test("registration losses: read from a time on, older than an hour pruned")
    func registrationLosses() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        for minutes in [0, 30, 70, 80] {
            try db.recordRegistrationLoss(sim: "m1-a", registration: 3, at: .testStart + .seconds(Int64(minutes) * 60))
        }
        try db.recordRegistrationLoss(sim: "m2-a", registration: 0, at: .testStart + .seconds(75 * 60))
        #expect(try db.registrationLosses(sim: "m1-a", since: .testStart + .seconds(20 * 60)).count == 3)
        try db.pruneRegistrationLosses(before: .testStart + .seconds(20 * 60))
        #expect(try db.registrationLosses(sim: "m1-a", since: .testStart).count == 3)
        #expect(try db.registrationLosses(sim: "m2-a", since: .testStart).count == 1)
    }

    @Test("a balance check's answer, then a failed check keeping the last answer")
    func balances() throws {
        let temporary = try TemporaryDatabase()
        defer { withExtendedLifetime(temporary) {} }
        let db = try temporary.open()
        var balance = SimBalanceRecord(sim: "m1-a", text: "Your balance is 12.50 EUR.", amount: "12.50",
                                       checkedAt: .testStart + .seconds(2), attemptedAt: .testStart, error: nil)
        try db.saveBalance(balance)
        #expect(try db.balances() == [balance])
        balance.attemptedAt = .testStart + .seconds(86400)
        balance.error = "m1: USSD *100# failed: no +CUSD answer to *100# within 30 seconds"
        try db.saveBalance(balance)
        #expect(try db.balances() == [balance])
        #expect(try db.balances().first?.text == "Your balance is 12.50 EUR.")
    }
}
