import HexCoding

/// The `<str>` of a `+CUSD` answer decoded to text (3GPP TS 27.007 §7.15), by its `<dcs>`
/// (3GPP TS 23.038 §5, the cell broadcast data coding scheme) and by what modules really send
/// (gammu's `at-ussd` dumps):
/// - UCS-2 (`<dcs>` 72 = 0x48, or 0x11): hex of UTF-16BE code units (Huawei E3276);
/// - GSM 7-bit: hex of packed septets (Huawei E160: `"49B41C74…",15`), or plain text when
///   the module unpacked it itself (SIM800, Telit: `"Your balance is…",15`);
/// - no `<dcs>`: hex of UCS-2 when it reads as such (Quectel M35 with `AT+CSCS="UCS2"`),
///   else as with GSM 7-bit.
/// Text that is not wholly hex is taken as given. Never fails: an undecodable `<str>` is shown
/// as sent.
public enum USSDString {
    /// The alphabet a CBS data coding scheme names (3GPP TS 23.038 §5).
    public enum Alphabet: Sendable, Hashable {
        case gsm7, eightBit, ucs2
    }

    public static func alphabet(ofDCS dcs: Int) -> Alphabet {
        let group = dcs >> 4
        switch group {
        case 0b0000, 0b0010, 0b0011: return .gsm7
        case 0b0001: return dcs == 0x11 ? .ucs2 : .gsm7
        case 0b0100...0b0111, 0b1001:
            switch (dcs >> 2) & 0b11 {
            case 0b01: return .eightBit
            case 0b10: return .ucs2
            default: return .gsm7
            }
        case 0b1111: return dcs & 0b100 != 0 ? .eightBit : .gsm7
        default: return .gsm7  // reserved groups: the default alphabet (§5)
        }
    }

    /// `text` as the person reads it; a trailing CR or LF (networks end answers with one) is dropped.
    public static func decode(_ text: String, dcs: Int?) -> String {
        var decoded = decodeKeepingLineEnds(text, dcs: dcs)
        while let last = decoded.last, last == "\r" || last == "\n" || last == "\r\n" { decoded.removeLast() }
        return decoded
    }

    static func decodeKeepingLineEnds(_ text: String, dcs: Int?) -> String {
        guard let octets = hexOctets(text) else { return text }
        switch dcs.map(alphabet(ofDCS:)) {
        case .ucs2:
            return text.count % 4 == 0 ? (UCS2.decode(octets[...]) ?? text) : text
        case .eightBit:
            return text
        case .gsm7:
            return unpackedGSM7(octets)
        case nil:
            if text.count % 4 == 0, let ucs2 = readableUCS2(octets) { return ucs2 }
            return unpackedGSM7(octets)
        }
    }

    /// The octets of `text` when it is wholly hex, of even length and at least 4 octets long
    /// (shorter answers such as "1234" are far likelier plain digits).
    static func hexOctets(_ text: String) -> [UInt8]? {
        guard text.utf8.count >= 8 else { return nil }
        return HexDigits.decode(text)
    }

    /// Packed septets (3GPP TS 23.038 §6.1.2.1.1) decoded with the default alphabet; a final
    /// CR that only fills the last octet is dropped (§6.1.2.3.1), and so is a lone escape at
    /// the end.
    static func unpackedGSM7(_ octets: [UInt8]) -> String {
        let count = octets.count * 8 / 7
        var septets = SeptetPacking.unpack(octets[...], count: count) ?? []
        if count * 7 == octets.count * 8, septets.last == 0x0D { septets.removeLast() }
        return GSM7Alphabet.decode(septets)
    }

    /// `octets` as UTF-16BE when every unit is a printable character and at least one is
    /// Latin (high octet 00): packed GSM 7-bit rarely looks like that.
    static func readableUCS2(_ octets: [UInt8]) -> String? {
        var latin = false
        var units: [UInt16] = []
        for index in stride(from: 0, to: octets.count, by: 2) {
            let unit = UInt16(octets[index]) << 8 | UInt16(octets[index + 1])
            if unit < 0x20, unit != 0x0A, unit != 0x0D { return nil }
            if octets[index] == 0 { latin = true }
            units.append(unit)
        }
        guard latin else { return nil }
        return UCS2.decode(octets[...])
    }
}
