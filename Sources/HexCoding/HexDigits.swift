/// Bytes as hexadecimal text and back: PDUs for AT+CMGS and +CMGR (upper case, 3GPP TS 27.005
/// §3.1), digests, HMACs and tokens (lower case), percent-encoding. The one hex codec of the box.
public enum HexDigits {
    public enum LetterCase: Sendable {
        case upper
        case lower
    }

    /// Two digits per byte of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>, _ letterCase: LetterCase = .upper) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digit(byte >> 4, letterCase))
            text.append(digit(byte & 0x0F, letterCase))
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The ASCII digit of `value` (0 ... 15).
    public static func digit(_ value: UInt8, _ letterCase: LetterCase = .upper) -> UInt8 {
        let nibble = value & 0x0F
        if nibble < 10 { return UInt8(ascii: "0") + nibble }
        return (letterCase == .upper ? UInt8(ascii: "A") : UInt8(ascii: "a")) + nibble - 10
    }

    /// The value of one ASCII hex digit (either case), or nil.
    public static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The bytes of `text` (either case, no separators), or nil for an odd count or a non-digit.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = value(of: characters[index]), let low = value(of: characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
