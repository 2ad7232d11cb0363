import Testing
@testable import SMSCodec

/// The national language tables of 3GPP TS 23.038 annex A: spot cells of the annex (each
/// checked against two public transcriptions of it), and round trips of every cell.
@Suite struct NationalLanguageTablesTests {
    struct Cell: Sendable, CustomTestStringConvertible {
        var why: String
        var set: GSM7CharacterSet
        var septets: [UInt8]
        var character: String
        var testDescription: String { why }
    }

    static let turkishLocking = GSM7CharacterSet(lockingShift: .turkish)
    static let portugueseLocking = GSM7CharacterSet(lockingShift: .portuguese)

    static let cells: [Cell] = [
        Cell(why: "A.3.1 0x07: dotless ı replaces ì", set: turkishLocking, septets: [0x07], character: "\u{131}"),
        Cell(why: "A.3.1 0x04: € is one septet in Turkish (two by default)", set: turkishLocking, septets: [0x04], character: "\u{20AC}"),
        Cell(why: "A.3.1 0x0B/0x0C: Ğ ğ replace Ø ø", set: turkishLocking, septets: [0x0B, 0x0C], character: "\u{11E}\u{11F}"),
        Cell(why: "A.3.1 0x1C/0x1D: Ş ş replace Æ æ", set: turkishLocking, septets: [0x1C, 0x1D], character: "\u{15E}\u{15F}"),
        Cell(why: "A.3.1 0x40/0x60: İ and ç replace ¡ and ¿", set: turkishLocking, septets: [0x40, 0x60], character: "\u{130}\u{E7}"),
        Cell(why: "A.2.1 0x47, 0x53, 0x73: Ğ Ş ş after ESC", set: GSM7CharacterSet(singleShift: .turkish),
             septets: [0x1B, 0x47, 0x1B, 0x53, 0x1B, 0x73], character: "\u{11E}\u{15E}\u{15F}"),
        Cell(why: "A.2.1 keeps the default extension: ESC 0x65 is €", set: GSM7CharacterSet(singleShift: .turkish),
             septets: [0x1B, 0x65], character: "\u{20AC}"),
        Cell(why: "A.2.2 0x09: Spanish ç after ESC (its only lower-case cedilla)", set: GSM7CharacterSet(singleShift: .spanish),
             septets: [0x1B, 0x09], character: "\u{E7}"),
        Cell(why: "A.2.2 0x55/0x75: Ú ú", set: GSM7CharacterSet(singleShift: .spanish),
             septets: [0x1B, 0x55, 0x1B, 0x75], character: "\u{DA}\u{FA}"),
        Cell(why: "A.3.3 0x15: ∞, a character no other Latin table has", set: portugueseLocking, septets: [0x15], character: "\u{221E}"),
        Cell(why: "A.3.3 0x60 and 0x7D: ~ and ` as single septets", set: portugueseLocking, septets: [0x60, 0x7D], character: "~`"),
        Cell(why: "A.3.3 0x12/0x24: ordinal indicators ª º", set: portugueseLocking, septets: [0x12, 0x24], character: "\u{AA}\u{BA}"),
        Cell(why: "A.2.3 0x12: the Greek Φ the Portuguese locking table gave up", set: GSM7CharacterSet(lockingShift: .portuguese, singleShift: .portuguese),
             septets: [0x1B, 0x12], character: "\u{3A6}"),
        Cell(why: "A.2.3 0x7F: â, the last cell", set: GSM7CharacterSet(singleShift: .portuguese), septets: [0x1B, 0x7F], character: "\u{E2}"),
    ]

    @Test(arguments: cells)
    func annexCells(_ cell: Cell) {
        #expect(cell.set.decode(cell.septets) == cell.character)
        #expect(cell.character.unicodeScalars.flatMap { cell.set.septets(for: $0) ?? [0xFF] } == cell.septets)
    }

    @Test(arguments: NationalLanguage.allCases)
    func everyCellRoundTrips(_ language: NationalLanguage) {
        if let table = language.lockingShiftTable {
            #expect(table.count == 128)
            let set = GSM7CharacterSet(lockingShift: language)
            for (code, scalar) in table.enumerated() where code != 0x1B {
                #expect(set.septets(for: scalar) == [UInt8(code)], "\(language) locking 0x\(String(code, radix: 16))")
                #expect(set.decode([UInt8(code)]) == String(scalar))
            }
        }
        let set = GSM7CharacterSet(lockingShift: nil, singleShift: language)
        for (code, scalar) in language.singleShiftTable {
            #expect(set.decode([0x1B, UInt8(code)]) == String(scalar))
            // A character the default table already holds stays one septet.
            let expected = GSM7Alphabet.septets(for: scalar).flatMap { $0.count == 1 ? $0 : nil } ?? [0x1B, UInt8(code)]
            #expect(set.septets(for: scalar) == expected, "\(language) single 0x\(String(code, radix: 16))")
        }
    }

    @Test func lockingTablesDifferFromTheDefaultOnlyWhereTheAnnexSays() throws {
        let turkish = try #require(NationalLanguage.turkish.lockingShiftTable)
        let changed = (0..<128).filter { turkish[$0] != GSM7Alphabet.defaultTable[$0] }
        #expect(changed == [0x04, 0x07, 0x0B, 0x0C, 0x1C, 0x1D, 0x40, 0x60])
        #expect(NationalLanguage.spanish.lockingShiftTable == nil)
    }

    @Test func undefinedEscapeShowsTheLockingTableCharacter() {
        // ESC 0x60 is not in the Turkish single shift table: §6.2.1.1 says show the
        // character of the table in force, here Turkish locking 0x60, ç (default: ¿).
        #expect(GSM7CharacterSet(lockingShift: .turkish).decode([0x1B, 0x60]) == "\u{E7}")
        #expect(GSM7CharacterSet.default.decode([0x1B, 0x60]) == "\u{BF}")
    }

    @Test(arguments: [("tr", NationalLanguage.turkish), ("ES", .spanish), ("pt", .portuguese)])
    func codes(code: String, language: NationalLanguage) {
        #expect(NationalLanguage(code: code) == language)
    }

    @Test func unknownCodeIsNil() {
        #expect(NationalLanguage(code: "de") == nil)
    }
}
