import Testing
@testable import ATCommands

/// +CMS ERROR (27.005 §3.2.5) and +CME ERROR (27.007 §9.2) through their tables.
@Suite struct ModemErrorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let why: String
        let line: String
        let family: ModemError.Family
        let code: Int?
        let category: ATErrorCategory
        var testDescription: String { why }
    }

    static let vectors: [Vector] = [
        Vector(why: "network timeout while sending: retry later", line: "+CMS ERROR: 332", family: .cms, code: 332, category: .temporary),
        Vector(why: "SIM busy right after boot: retry later", line: "+CMS ERROR: 314", family: .cms, code: 314, category: .temporary),
        Vector(why: "SIM storage full on receive: temporary (delete and retry)", line: "+CMS ERROR: 322", family: .cms, code: 322, category: .temporary),
        Vector(why: "RP cause 1, unassigned number: the destination is wrong, never retry", line: "+CMS ERROR: 1", family: .cms, code: 1, category: .permanent),
        Vector(why: "RP cause 10, call barred: permanent", line: "+CMS ERROR: 10", family: .cms, code: 10, category: .permanent),
        Vector(why: "RP cause 42, congestion: temporary", line: "+CMS ERROR: 42", family: .cms, code: 42, category: .temporary),
        Vector(why: "invalid PDU mode parameter: our PDU is wrong, permanent", line: "+CMS ERROR: 304", family: .cms, code: 304, category: .permanent),
        Vector(why: "SIM not inserted: a device fault, take the modem out", line: "+CMS ERROR: 310", family: .cms, code: 310, category: .deviceFault),
        Vector(why: "SIM PIN required: a device fault", line: "+CMS ERROR: 311", family: .cms, code: 311, category: .deviceFault),
        Vector(why: "verbose form (AT+CMEE=2) maps to the same entry", line: "+CMS ERROR: SIM not inserted", family: .cms, code: 310, category: .deviceFault),
        Vector(why: "verbose with the (U)SIM spelling and other case", line: "+CMS ERROR: (U)SIM busy", family: .cms, code: 314, category: .temporary),
        Vector(why: "the generic 500 that gammu's tests answer with: retry a bounded number of times", line: "+CMS ERROR: 500", family: .cms, code: 500, category: .temporary),
        Vector(why: "manufacturer-specific code (≥ 512) is unknown but classified", line: "+CMS ERROR: 515", family: .cms, code: 515, category: .temporary),
        Vector(why: "CME 10 SIM not inserted", line: "+CME ERROR: 10", family: .cme, code: 10, category: .deviceFault),
        Vector(why: "CME 11 SIM PIN required", line: "+CME ERROR: 11", family: .cme, code: 11, category: .deviceFault),
        Vector(why: "CME 14 SIM busy", line: "+CME ERROR: 14", family: .cme, code: 14, category: .temporary),
        Vector(why: "CME 4 operation not supported: gammu aborts on this for AT+CSCS=? (Tests/Drivers/README.md)", line: "+CME ERROR: 4", family: .cme, code: 4, category: .permanent),
        Vector(why: "CME verbose text, quoted by some modules", line: "+CME ERROR: \"SIM PIN required\"", family: .cme, code: 11, category: .deviceFault),
        Vector(why: "CME verbose text, lower case with trailing space", line: "+CME ERROR: no network service ", family: .cme, code: 30, category: .temporary),
        Vector(why: "unknown verbose text keeps its wording, no code", line: "+CME ERROR: radio off", family: .cme, code: nil, category: .temporary),
    ]

    @Test(arguments: vectors)
    func mapsThroughTheTable(vector: Vector) throws {
        guard case .modemError(let error) = ATFinalResult(line: vector.line) else {
            Issue.record("not a modem error: \(vector.line)")
            return
        }
        #expect(error.family == vector.family)
        #expect(error.code == vector.code)
        #expect(error.category == vector.category)
    }

    @Test func unknownTextIsKeptVerbatim() {
        let error = ModemError(family: .cme, text: "radio off")
        #expect(error.text == "radio off")
        #expect(!error.isStandard)
    }

    @Test func tablesHaveUniqueCodesAndTexts() {
        #expect(Set(CMSErrorTable.entries.map(\.code)).count == CMSErrorTable.entries.count)
        #expect(Set(CMEErrorTable.entries.map(\.code)).count == CMEErrorTable.entries.count)
        #expect(Set(CMEErrorTable.entries.map { ATErrorText.key($0.text) }).count == CMEErrorTable.entries.count)
    }

    @Test(arguments: ["OK", "ERROR", "NO CARRIER", "BUSY", "NO ANSWER", "NO DIALTONE", "CONNECT", "CONNECT 115200", "+CMS ERROR: 500", "+CME ERROR: 10"])
    func finalResultLinesRoundTrip(line: String) {
        #expect(ATFinalResult(line: line)?.line == line)
    }

    /// Whole-line matching only: none of these is a final result.
    @Test(arguments: ["OK then", "OKAY", "ok", " OK", "ERROR 5", "+CMS ERRORS: 1", "Call OK", "4F4B"])
    func notFinalResults(line: String) {
        #expect(ATFinalResult(line: line) == nil)
    }

    @Test func huaweiCommandNotSupportIsAnError() {
        // python-gsmmodem fakemodems: Huawei E1752 answers unknown commands this way.
        #expect(ATFinalResult(line: "COMMAND NOT SUPPORT") == .error)
    }
}
