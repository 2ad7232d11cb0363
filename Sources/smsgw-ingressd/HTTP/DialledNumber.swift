import SMSCodec

/// A destination as the HTTP interfaces take it: `+` and 1-20 decimal digits (E.164,
/// international) or 1-20 digits (the network's dialling plan). SMSAddress would also take
/// the other semi-octets `*`, `#`, `a`-`c` (3GPP TS 23.040 §9.1.2.3), which no caller of an
/// HTTP API means.
enum DialledNumber {
    static func parse(_ text: String) -> SMSAddress? {
        let digits = text.hasPrefix("+") ? text.dropFirst() : text[...]
        guard (1...20).contains(digits.count), digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return try? SMSAddress(parsing: text, field: .destination)
    }
}
