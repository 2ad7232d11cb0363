import Testing
@testable import SMSCodec

/// 3GPP TS 23.038 §6.2.1 tables and §6.1.2.1.1 packing.
@Suite struct GSM7AlphabetTests {
    @Test func everyDefaultAndExtensionCharacterRoundTrips() {
        for (code, scalar) in GSM7Alphabet.defaultTable.enumerated() where code != 0x1B {
            #expect(GSM7Alphabet.septets(for: scalar) == [UInt8(code)])
            #expect(GSM7Alphabet.decode([UInt8(code)]) == String(scalar))
        }
        for (code, scalar) in GSM7Alphabet.extensionTable {
            #expect(GSM7Alphabet.septets(for: scalar) == [0x1B, UInt8(code)])
            #expect(GSM7Alphabet.decode([0x1B, UInt8(code)]) == String(scalar))
        }
    }

    @Test(arguments: [
        // Not in either table: must go UCS-2.
        ("\u{E1}", false), ("\u{1F600}", false), ("\u{0E}", false), ("`", false),
        // In the tables although they look exotic.
        ("\u{20AC}", true), ("\u{0C}", true), ("\u{3A3}", true), ("\u{A4}", true),
    ] as [(String, Bool)])
    func representability(character: String, representable: Bool) throws {
        let scalar = try #require(character.unicodeScalars.first)
        #expect((GSM7Alphabet.septetCount(of: scalar) != nil) == representable)
    }

    @Test func undefinedEscapeShowsTheDefaultCharacterAndLoneEscapeIsDropped() {
        // ESC 0x41 is undefined in the extension table: §6.2.1.1 says show 'A'.
        #expect(GSM7Alphabet.decode([0x1B, 0x41, 0x1B]) == "A")
    }

    @Test(arguments: [
        // The classic "hellohello": 10 septets into 9 octets (23.040 examples, gammu 09.dump).
        ("hellohello", "E8329BFD4697D9EC37", 0),
        // 8 septets fill 7 octets exactly; a final '@' is septet 0 and must survive.
        ("@@@@@@@@", "00000000000000", 0),
        // 7 septets leave 7 spare bits in the last octet (zero).
        ("1234567", "31D98C56B3DD00", 0),
        // One fill bit, as after a 6-octet concatenation header.
        ("A", "82", 1),
        // Six fill bits, as after a 1-octet header (UDHL 0): the septet straddles two octets.
        ("A", "4010", 6),
    ] as [(String, String, Int)])
    func packing(text: String, packedHex: String, fillBits: Int) throws {
        let septets = text.unicodeScalars.flatMap { GSM7Alphabet.septets(for: $0) ?? [] }
        let packed = SeptetPacking.pack(septets, fillBits: fillBits)
        #expect(Hex.encode(packed) == packedHex)
        let unpacked = try #require(SeptetPacking.unpack(packed[...], count: septets.count, fillBits: fillBits))
        #expect(GSM7Alphabet.decode(unpacked) == text)
    }

    @Test(arguments: [(0, 0, 0), (6, 7, 1), (7, 8, 0), (1, 2, 6), (8, 10, 6), (12, 14, 2)])
    func headerSeptetsAndFillBits(headerOctets: Int, septets: Int, fill: Int) {
        #expect(SeptetPacking.headerSeptets(forHeaderOctets: headerOctets) == septets)
        #expect(SeptetPacking.fillBits(forHeaderOctets: headerOctets) == fill)
    }

    @Test func unpackRefusesTooFewOctets() {
        #expect(SeptetPacking.unpack([0x31, 0xD9][...], count: 3) == nil)
    }
}
