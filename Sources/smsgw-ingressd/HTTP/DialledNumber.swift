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

/// A sender (`from`) as the HTTP interfaces take it: a dialled number, or an alphanumeric name
/// of 1-11 characters from letters, digits, space and `. _ & -` (3GPP TS 23.040 §9.1.2.5
/// allows 11 GSM septets; this narrower set is the same in every network's display).
enum SenderName {
    static func isValid(_ text: String) -> Bool {
        if DialledNumber.parse(text) != nil { return true }
        return (1...11).contains(text.unicodeScalars.count) && text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || " ._&-".unicodeScalars.contains(scalar)
        }
    }
}
