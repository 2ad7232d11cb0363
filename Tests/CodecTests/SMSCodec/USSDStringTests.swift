import SMSCodec
import Testing

@Suite("USSD <str> decoding (3GPP TS 27.007 §7.15, TS 23.038 §5)")
struct USSDStringTests {
    @Test("real answers (gammu tests/at-ussd dumps) decode to the text a person reads", arguments: [
        // Huawei E160: packed GSM 7-bit hex with <dcs> 15 (gammu at-ussd/02-E160.dump); ü and ä
        // are GSM 0x7E and 0x7B; the network's final CR is dropped.
        ("49B41C74ACD3D16171D90D32FBE52072BA0C72CA5DB45CAC76C3CD6CB41B2D060389CB74F9FE4C07D55C371CA85897BF1B", 15 as Int?,
         "Ihr Guthaben für die Nr.4915783647410 beträgt 5.78 Euro"),
        // Huawei E3276: UCS-2 hex with <dcs> 72 = 0x48 (at-ussd/issue109-E3276.dump), Cyrillic.
        ("0414043B044F00200441043F044004300432043A04380020043E002004310430043B0430043D04410435", 72,
         "Для справки о балансе"),
        // Quectel M35 (AT+CSCS="UCS2"): UCS-2 hex with no <dcs> at all; Latin with accents.
        ("00480061007600690020006B0065007200650074003A0020003000460074002E", nil, "Havi keret: 0Ft."),
        // SIMCom/Telit: the module unpacked it itself; plain text passes as given.
        ("On DATA Pack u have 3Gb 817Mb", 15, "On DATA Pack u have 3Gb 817Mb"),
        // Short all-digit text ("1234") is far likelier digits than 2 octets of anything.
        ("1234", 15, "1234"),
        // Odd-length hex is not hex octets: as given.
        ("ABCDEF123", nil, "ABCDEF123"),
    ])
    func decodes(raw: String, dcs: Int?, expected: String) {
        #expect(USSDString.decode(raw, dcs: dcs) == expected)
    }

    @Test("CBS data coding scheme groups name the alphabet", arguments: [
        (0x0F, USSDString.Alphabet.gsm7),  // group 0000: GSM 7-bit, language unspecified (what modules send)
        (0x00, .gsm7),                     // German, GSM 7-bit
        (0x10, .gsm7),                     // GSM 7-bit, language in the first 3 characters
        (0x11, .ucs2),                     // UCS-2, language first
        (0x44, .eightBit),                 // general coding, 8-bit
        (0x48, .ucs2),                     // general coding, UCS-2 (72: Huawei)
        (0xF4, .eightBit),                 // group 1111, bit 2: 8-bit
        (0xF0, .gsm7),
    ])
    func alphabet(dcs: Int, expected: USSDString.Alphabet) {
        #expect(USSDString.alphabet(ofDCS: dcs) == expected)
    }

    @Test("a CR that only fills the last octet is dropped (TS 23.038 §6.1.2.3.1)")
    func paddingCR() {
        // "1234567" is 7 septets = 49 bits → 7 octets with 7 spare bits, filled with CR.
        let septets: [UInt8] = Array("1234567".utf8) + [0x0D]
        let hex = Hex.encode(SeptetPacking.pack(septets))
        #expect(USSDString.decode(hex, dcs: 15) == "1234567")
    }
}
