import Testing
@testable import SMSCodec

/// Encoding choice and segmentation (3GPP TS 23.040 §9.2.3.16, §9.2.3.24.1).
@Suite struct SMSPlannerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var why: String
        var text: String
        var encoding: SMSTextEncoding
        var units: Int
        var segmentUnits: [Int]
        var referenceSize: ConcatenationReferenceSize = .eightBit
        var testDescription: String { why }
    }

    static let cases: [Case] = [
        Case(why: "160 septets still fit one SMS", text: String(repeating: "a", count: 160), encoding: .gsm7, units: 160, segmentUnits: [160]),
        Case(why: "161 septets need two parts of 153 + 8", text: String(repeating: "a", count: 161), encoding: .gsm7, units: 161, segmentUnits: [153, 8]),
        Case(why: "306 septets are exactly two full parts", text: String(repeating: "a", count: 306), encoding: .gsm7, units: 306, segmentUnits: [153, 153]),
        Case(why: "a 16-bit reference leaves 152 septets a part", text: String(repeating: "a", count: 161), encoding: .gsm7, units: 161, segmentUnits: [152, 9], referenceSize: .sixteenBit),
        Case(why: "80 euro signs cost 160 septets: one SMS", text: String(repeating: "\u{20AC}", count: 80), encoding: .gsm7, units: 160, segmentUnits: [160]),
        Case(why: "an escape at septets 153-154 moves whole to part 2", text: String(repeating: "a", count: 152) + "\u{20AC}" + String(repeating: "b", count: 10), encoding: .gsm7, units: 164, segmentUnits: [152, 12]),
        Case(why: "one non-GSM character makes everything UCS-2", text: "price 5\u{20AC} caf\u{E1}", encoding: .ucs2, units: 13, segmentUnits: [13]),
        Case(why: "70 UCS-2 units fit one SMS", text: String(repeating: "\u{416}", count: 70), encoding: .ucs2, units: 70, segmentUnits: [70]),
        Case(why: "71 UCS-2 units need 67 + 4", text: String(repeating: "\u{416}", count: 71), encoding: .ucs2, units: 71, segmentUnits: [67, 4]),
        Case(why: "16-bit reference: 66 UCS-2 units a part", text: String(repeating: "\u{416}", count: 71), encoding: .ucs2, units: 71, segmentUnits: [66, 5], referenceSize: .sixteenBit),
        Case(why: "35 emoji are 70 units: one SMS", text: String(repeating: "\u{1F600}", count: 35), encoding: .ucs2, units: 70, segmentUnits: [70]),
        Case(why: "a surrogate pair at units 67-68 moves whole to part 2", text: String(repeating: "\u{416}", count: 66) + "\u{1F600}" + "xxxxx", encoding: .ucs2, units: 73, segmentUnits: [66, 7]),
    ]

    @Test(arguments: cases)
    func segmentation(_ item: Case) throws {
        let plan = try SMSPlanner.plan(item.text, referenceSize: item.referenceSize)
        #expect(plan.encoding == item.encoding)
        #expect(plan.unitCount == item.units)
        #expect(plan.segments.map(\.unitCount) == item.segmentUnits)
        #expect(plan.segments.map(\.text).joined() == item.text)
    }

    @Test func noPartEndsInsideAnEscapeOrAPair() throws {
        let text = String(repeating: "[x]\u{1F600}", count: 60)
        let plan = try SMSPlanner.plan(text, encoding: .ucs2)
        for segment in plan.segments {
            #expect(UCS2.decode(segment.payload[...]) == segment.text)
        }
        let gsm = try SMSPlanner.plan(String(repeating: "{a}", count: 150))
        for segment in gsm.segments {
            #expect(segment.payload.last != GSM7Alphabet.escape)
            #expect(GSM7Alphabet.decode(segment.payload) == segment.text)
        }
    }

    @Test func forcedGSM7RefusesWhatItCannotHold() {
        #expect(throws: SMSEncodingError(.text, .notInGSM7Alphabet(character: "\u{E1}", offset: 3))) {
            try SMSPlanner.plan("caf\u{E1}", encoding: .gsm7)
        }
    }

    @Test func forcedUCS2TakesPlainText() throws {
        let plan = try SMSPlanner.plan("abc", encoding: .ucs2)
        #expect(plan.encoding == .ucs2)
        #expect(plan.segments[0].payload == [0, 0x61, 0, 0x62, 0, 0x63])
    }

    @Test func emptyAndOverlongTextsAreRefused() {
        #expect(throws: SMSEncodingError(.text, .empty)) { try SMSPlanner.plan("") }
        #expect(throws: SMSEncodingError(.text, .tooManySegments(256))) {
            try SMSPlanner.plan(String(repeating: "a", count: 153 * 256))
        }
    }
}
