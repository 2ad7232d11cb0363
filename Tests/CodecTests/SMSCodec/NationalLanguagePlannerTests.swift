import Testing
@testable import SMSCodec

/// Planning with national language shift tables (3GPP TS 23.038 §6.2.1.2.4, 3GPP TS 23.040
/// §9.2.3.24.15/16): capacities with the shift elements, the choice among tables, escapes at
/// part boundaries, and that nothing changes unless the caller allows a language.
@Suite struct NationalLanguagePlannerTests {
    @Test(arguments: [
        // Alone, one 3-octet shift element makes a 4-octet header: 5 septets with 3 fill bits.
        (false, ConcatenationReferenceSize.eightBit, 1, 4, 155),
        // Locking and single shift: 7 octets are exactly 8 septets, no fill bit.
        (false, .eightBit, 2, 7, 152),
        // Beside an 8-bit concatenation element: 9 octets, 11 septets (5 fill bits).
        (true, .eightBit, 1, 9, 149),
        (true, .eightBit, 2, 12, 146),
        // Beside a 16-bit reference: 10 octets (12 septets), 13 octets (15 septets).
        (true, .sixteenBit, 1, 10, 148),
        (true, .sixteenBit, 2, 13, 145),
        // No shift: the classic 160 and 153.
        (false, .eightBit, 0, 0, 160),
        (true, .eightBit, 0, 6, 153),
    ] as [(Bool, ConcatenationReferenceSize, Int, Int, Int)])
    func capacityWithShiftElements(concatenated: Bool, size: ConcatenationReferenceSize, shifts: Int, octets: Int, septets: Int) {
        let header = SMSPlanner.headerOctets(concatenated: concatenated, referenceSize: size, shiftElements: shifts)
        #expect(header == octets)
        #expect(SMSPlanner.capacity(encoding: .gsm7, headerOctets: header) == septets)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var why: String
        var text: String
        var languages: Set<NationalLanguage>
        var encoding: SMSTextEncoding
        var locking: NationalLanguage? = nil
        var single: NationalLanguage? = nil
        var segmentUnits: [Int]
        var referenceSize: ConcatenationReferenceSize = .eightBit
        var testDescription: String { why }
    }

    static let cases: [Case] = [
        Case(why: "155 ş fill one part with the Turkish locking shift (UCS-2: 3 parts)",
             text: String(repeating: "\u{15F}", count: 155), languages: [.turkish], encoding: .gsm7, locking: .turkish, segmentUnits: [155]),
        Case(why: "156 ş need two parts of 149 + 7 beside concatenation",
             text: String(repeating: "\u{15F}", count: 156), languages: [.turkish], encoding: .gsm7, locking: .turkish, segmentUnits: [149, 7]),
        Case(why: "a 16-bit reference leaves 148 septets a part",
             text: String(repeating: "\u{15F}", count: 156), languages: [.turkish], encoding: .gsm7, locking: .turkish,
             segmentUnits: [148, 8], referenceSize: .sixteenBit),
        Case(why: "no language allowed: Turkish text is UCS-2 as before",
             text: String(repeating: "\u{15F}", count: 156), languages: [], encoding: .ucs2, segmentUnits: [67, 67, 22]),
        Case(why: "ş ğ ç in a short text: one part either way, so UCS-2 (understood everywhere) stays",
             text: "\u{C7}a\u{11F}r\u{131} \u{15F}imdi \u{E7}ok", languages: [.turkish], encoding: .ucs2, segmentUnits: [15]),
        Case(why: "á is only in the Spanish single shift: the escape at septets 149-150 moves whole to part 2",
             text: String(repeating: "a", count: 148) + "\u{E1}" + String(repeating: "b", count: 10), languages: [.spanish],
             encoding: .gsm7, single: .spanish, segmentUnits: [148, 12]),
        Case(why: "¿ is not in the Turkish locking table: ğ goes by single shift instead",
             text: "\u{BF}\u{11F}" + String(repeating: "a", count: 100), languages: [.turkish],
             encoding: .gsm7, single: .turkish, segmentUnits: [103]),
        Case(why: "ğ (Turkish locking) with á (Spanish single shift): both elements",
             text: "\u{11F}\u{E1}" + String(repeating: "x", count: 100), languages: [.turkish, .spanish],
             encoding: .gsm7, locking: .turkish, single: .spanish, segmentUnits: [103]),
        Case(why: "same parts either way: locking (one septet for ğ) beats single shift (two)",
             text: "\u{11F}" + String(repeating: "a", count: 100), languages: [.turkish],
             encoding: .gsm7, locking: .turkish, segmentUnits: [101]),
        Case(why: "Portuguese õ ã ê are one septet with the Portuguese locking shift",
             text: String(repeating: "n\u{E3}o p\u{F5}e voc\u{EA} ", count: 20), languages: [.portuguese, .spanish],
             encoding: .gsm7, locking: .portuguese, segmentUnits: [149, 111]),
        Case(why: "default-alphabet text stays default (no element) even with languages allowed",
             text: "price 5\u{20AC}", languages: [.turkish, .portuguese], encoding: .gsm7, segmentUnits: [9]),
    ]

    @Test(arguments: cases)
    func choice(_ item: Case) throws {
        let plan = try SMSPlanner.plan(item.text, referenceSize: item.referenceSize, nationalLanguages: item.languages)
        #expect(plan.encoding == item.encoding)
        #expect(plan.characterSet.lockingShift == item.locking)
        #expect(plan.characterSet.singleShift == item.single)
        #expect(plan.segments.map(\.unitCount) == item.segmentUnits)
        #expect(plan.segments.map(\.text).joined() == item.text)
        if plan.encoding == .gsm7 {
            for segment in plan.segments {
                #expect(segment.payload.last != GSM7Alphabet.escape)
                #expect(plan.characterSet.decode(segment.payload) == segment.text)
            }
        }
    }

    @Test func forcedGSM7UsesAnAllowedTableEvenForOnePart() throws {
        let plan = try SMSPlanner.plan("\u{15F}", encoding: .gsm7, nationalLanguages: [.turkish])
        #expect(plan.characterSet == GSM7CharacterSet(lockingShift: .turkish))
        #expect(plan.segments.map(\.payload) == [[0x1D]])
    }

    @Test func forcedGSM7BlamesTheCharacterNoAllowedTableHolds() {
        // ş is Turkish; Ж is in no table: the error names Ж at offset 1, not ş at 0.
        #expect(throws: SMSEncodingError(.text, .notInGSM7Alphabet(character: "\u{416}", offset: 1))) {
            try SMSPlanner.plan("\u{15F}\u{416}", encoding: .gsm7, nationalLanguages: [.turkish])
        }
        #expect(throws: SMSEncodingError(.text, .notInGSM7Alphabet(character: "\u{15F}", offset: 0))) {
            try SMSPlanner.plan("\u{15F}", encoding: .gsm7)
        }
    }

    @Test func forcedUCS2IgnoresTheLanguages() throws {
        let plan = try SMSPlanner.plan(String(repeating: "\u{15F}", count: 100), encoding: .ucs2, nationalLanguages: [.turkish])
        #expect(plan.encoding == .ucs2)
        #expect(plan.shiftElements.isEmpty)
    }
}
