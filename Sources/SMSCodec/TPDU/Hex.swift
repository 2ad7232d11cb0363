/// Hexadecimal text as AT+CMGS takes and +CMGR gives PDUs (3GPP TS 27.005 §3.1: two
/// IRA characters per octet).
public enum Hex {
    /// Upper-case hexadecimal digits of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of `text` (either case; surrounding white space ignored).
    public static func decode(_ text: String) throws(SMSDecodingError) -> [UInt8] {
        let characters = Array(text.utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
        guard characters.count % 2 == 0 else {
            throw SMSDecodingError(.hex, .invalidHex("odd number of hex digits (\(characters.count))"), at: characters.count / 2)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = value(of: characters[index]), let low = value(of: characters[index + 1]) else {
                let bad = value(of: characters[index]) == nil ? characters[index] : characters[index + 1]
                throw SMSDecodingError(.hex, .invalidHex("'\(Unicode.Scalar(bad))' is not a hex digit"), at: index / 2)
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func isSpace(_ character: UInt8) -> Bool {
        character == 0x20 || character == 0x09 || character == 0x0A || character == 0x0D
    }

    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case 0x30...0x39: return character - 0x30
        case 0x41...0x46: return character - 0x41 + 10
        case 0x61...0x66: return character - 0x61 + 10
        default: return nil
        }
    }
}
