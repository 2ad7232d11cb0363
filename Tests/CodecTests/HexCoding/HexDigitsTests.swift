import HexCoding
import Testing

@Suite("Hex digits")
struct HexDigitsTests {
    @Test("bytes to digits in either case, every nibble, and back")
    func roundTrip() {
        let bytes: [UInt8] = [0x00, 0x09, 0x0A, 0x0F, 0x10, 0x7F, 0x80, 0xA5, 0xFF]
        #expect(HexDigits.encode(bytes) == "00090A0F107F80A5FF")
        #expect(HexDigits.encode(bytes, .lower) == "00090a0f107f80a5ff")
        #expect(HexDigits.decode("00090A0F107F80A5FF") == bytes)
        #expect(HexDigits.decode("00090a0f107F80a5ff") == bytes)
        #expect(HexDigits.decode("") == [])
        #expect(HexDigits.encode([UInt8]()) == "")
    }

    @Test("an odd count, a non-digit or white space is refused")
    func refused() {
        #expect(HexDigits.decode("ABC") == nil)
        #expect(HexDigits.decode("0G") == nil)
        #expect(HexDigits.decode("0 A0") == nil)
        #expect(HexDigits.value(of: UInt8(ascii: "g")) == nil)
        #expect(HexDigits.value(of: UInt8(ascii: "f")) == 15)
    }
}
