import HexCoding

/// Hexadecimal text as AT+CMGS takes and +CMGR gives PDUs, with errors that say where (3GPP TS 27.005 §3.1: two
/// IRA characters per octet).
public enum Hex {
    /// Upper-case hexadecimal digits of `bytes`.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        HexDigits.encode(bytes, .upper)
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
            guard let high = HexDigits.value(of: characters[index]), let low = HexDigits.value(of: characters[index + 1]) else {
                let bad = HexDigits.value(of: characters[index]) == nil ? characters[index] : characters[index + 1]
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
}
