import GatewayTestSupport
import Testing
@testable import SMSCodec

/// SMS-SUBMIT encoding and SMS-DELIVER/SUBMIT decoding with the national language shift
/// elements of 3GPP TS 23.040 §9.2.3.24.15 (IEI 0x24, single shift) and §9.2.3.24.16 (IEI
/// 0x25, locking shift), and a seeded round trip per language.
@Suite struct NationalLanguageCodingTests {
    @Test func oneTurkishCharacterForcedToGSM7() throws {
        let request = SubmitRequest(
            destination: try SMSAddress(parsing: "1234", field: .destination), text: "\u{15F}", encoding: .gsm7,
            nationalLanguages: [.turkish]
        )
        let encoded = try SubmitEncoder.encode(request)
        // 41: SUBMIT with TP-UDHI; TP-UDL 6 = 5 header septets + 1; header 03 25 01 01
        // (locking shift, Turkish); ş = 0x1D after 3 fill bits: E8 00.
        #expect(encoded.parts.map(\.hex) == ["004100048121430000060325010" + "1E800"])
        #expect(encoded.parts.map(\.tpduLength) == [15])
    }

    @Test func everyPartCarriesTheShiftElement() throws {
        let text = String(repeating: "\u{11F}", count: 300)
        let request = SubmitRequest(
            destination: try SMSAddress(parsing: "1234", field: .destination), text: text, nationalLanguages: [.turkish]
        )
        let encoded = try SubmitEncoder.encode(request, concatenationReference: 7)
        #expect(encoded.parts.count == 3)
        for (index, part) in encoded.parts.enumerated() {
            guard case let .submit(submit) = try PDUDecoder.decode(part.octets).tpdu else { Issue.record("not a submit"); continue }
            #expect(submit.userData.header?.elements == [
                .concatenation(reference: 7, total: 3, sequence: UInt8(index + 1), sixteenBit: false),
                .nationalLanguageLockingShift(.turkish),
            ])
            // 9 header octets take 11 septets.
            #expect(submit.userData.length == 11 + part.unitCount)
            #expect(submit.userData.text == part.text)
        }
    }

    struct Received: Sendable, CustomTestStringConvertible {
        var why: String
        var pdu: String
        var text: String
        var elements: [InformationElement]
        var testDescription: String { why }
    }

    // DELIVERs from "1234" on 2024-11-29 12:34:00 +00:00, built by hand: 00 SMSC, 44 (deliver,
    // UDHI), OA 04 81 2143, PID 00, DCS 00, SCTS, then TP-UDL and the header.
    static let received: [Received] = [
        Received(why: "single shift Turkish: ESC 0x73 is ş, then a", pdu: "0044048121430000421192214300000803240101D8CCC3",
                 text: "\u{15F}a", elements: [.nationalLanguageSingleShift(.turkish)]),
        Received(why: "locking shift Turkish: 0x40 İ, 0x1D ş, 0x07 ı", pdu: "004404812143000042119221430000080325010100760E",
                 text: "\u{130}\u{15F}\u{131}", elements: [.nationalLanguageLockingShift(.turkish)]),
        Received(why: "language 0x0E has no tables here: kept as other, default alphabet (0x1D is æ)",
                 pdu: "004404812143000042119221430000060325010EE800", text: "\u{E6}", elements: [.other(identifier: 0x25, data: [0x0E])]),
        Received(why: "Spanish locking shift is void (A.3.2): default 0x1D æ; Spanish single shift ESC 0x55 Ú",
                 pdu: "0044048121430000421192214300000B062501022401029D4D15", text: "\u{E6}\u{DA}",
                 elements: [.nationalLanguageLockingShift(.spanish), .nationalLanguageSingleShift(.spanish)]),
        Received(why: "ESC 0x60 is not in the Turkish single shift: the Turkish locking cell (ç) shows",
                 pdu: "0044048121430000421192214300000703250101D88001", text: "\u{E7}", elements: [.nationalLanguageLockingShift(.turkish)]),
    ]

    @Test(arguments: received)
    func decodesWithTheAnnouncedTables(_ item: Received) throws {
        let octets = try Hex.decode(item.pdu)
        guard case let .deliver(deliver) = try PDUDecoder.decode(octets).tpdu else { Issue.record("not a deliver"); return }
        #expect(deliver.userData.text == item.text)
        #expect(deliver.userData.header?.elements == item.elements)
        // Fed one more octet at a time, every proper prefix throws (never traps).
        for length in 0..<octets.count {
            #expect(throws: SMSDecodingError.self) { try PDUDecoder.decode(Array(octets.prefix(length))) }
        }
    }

    /// What a text in `language` is made of: the characters its tables add to the default
    /// alphabet (first), then plain letters, digits and punctuation, and a few default-only
    /// characters (è Λ ¿) that rule some tables out.
    static func alphabet(for language: NationalLanguage) -> [Unicode.Scalar] {
        // Locking cell 0x1B is the escape, never a character.
        let locking = (language.lockingShiftTable ?? []).enumerated().filter { $0.offset != 0x1B }.map(\.element)
        let national = locking + Array(language.singleShiftTable.values)
        let extra = Set(national.filter { GSM7Alphabet.septetCount(of: $0) == nil }).sorted { $0.value < $1.value }
        let plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?-\n\u{E8}\u{39B}\u{BF}{}\u{20AC}"
        return extra + Array(plain.unicodeScalars)
    }

    @Test(arguments: NationalLanguage.allCases)
    func seededRoundTrip(_ language: NationalLanguage) throws {
        var random = SeededRandom(seed: 20_261_129 + UInt64(language.rawValue))
        let alphabet = Self.alphabet(for: language)
        let destination = try SMSAddress(parsing: "+905321234567", field: .destination)
        var nationalPlans = 0
        for _ in 0..<60 {
            // Plain characters with national ones among them, sometimes a default-only one.
            let length = Int.random(in: 1...700, using: &random)
            let pool = Bool.random(using: &random) ? alphabet.dropLast(6) : alphabet[...]
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                if let scalar = pool.randomElement(using: &random) { scalars.append(scalar) }
            }
            let text = String(scalars)
            let request = SubmitRequest(destination: destination, text: text, nationalLanguages: [language])
            let encoded = try SubmitEncoder.encode(request, concatenationReference: 9)
            if !encoded.plan.shiftElements.isEmpty { nationalPlans += 1 }
            var decoded = ""
            for part in encoded.parts {
                guard case let .submit(submit) = try PDUDecoder.decode(part.octets).tpdu else { Issue.record("not a submit"); continue }
                decoded += submit.userData.text ?? ""
                let elements = submit.userData.header?.elements ?? []
                #expect(encoded.plan.shiftElements.allSatisfy(elements.contains))
                #expect(part.unitCount <= SMSPlanner.capacity(encoding: encoded.plan.encoding, headerOctets: encoded.plan.headerOctets))
            }
            #expect(decoded == text)
        }
        // The generator must exercise the national tables, or this test proves nothing.
        #expect(nationalPlans > 10)
    }
}
