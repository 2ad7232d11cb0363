/// A USSD string an operator's box sends for a balance check (`*100#`, `*#123#`): 1 to 32
/// characters of the dialling digits 0-9, `*`, `#` and `+` (3GPP TS 22.090 §4: the
/// MMI string of a USSD request). Anything else is refused before it reaches a modem.
public enum USSDCode {
    public static func isValid(_ code: String) -> Bool {
        (1...32).contains(code.utf8.count) && code.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "*")
                || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "+")
        }
    }
}
