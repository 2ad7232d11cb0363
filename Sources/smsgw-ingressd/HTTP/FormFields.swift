import HexCoding

/// Name/value pairs of a query string or an `application/x-www-form-urlencoded` body (WHATWG
/// URL Standard §5.1: `&`-separated, `+` is a space, `%XX` escapes; RFC 3986 §2.1), in order.
/// A name may repeat; `first` answers the first value.
struct FormFields: Sendable, Equatable {
    /// Each value as its percent-decoded octets (a Kannel `charset` may say they are not UTF-8).
    private(set) var pairs: [(name: String, octets: [UInt8])] = []

    init() {}

    init(parsing bytes: [UInt8]) {
        for field in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = field.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.percentDecode(Array(parts[0]), plusIsSpace: true) ?? String(decoding: parts[0], as: UTF8.self)
            let rawValue = parts.count > 1 ? Array(parts[1]) : []
            pairs.append((name, Self.percentDecodedOctets(rawValue, plusIsSpace: true) ?? rawValue))
        }
    }

    /// The first value of the first of `names` that is present (aliases: `username`, `user`).
    /// Malformed UTF-8 reads as U+FFFD; use `firstOctets` where another charset may apply.
    func first(_ names: String...) -> String? {
        firstOctets(names).map { String(decoding: $0, as: UTF8.self) }
    }

    func firstOctets(_ names: [String]) -> [UInt8]? {
        for name in names {
            if let pair = pairs.first(where: { $0.name == name }) { return pair.octets }
        }
        return nil
    }

    mutating func append(_ name: String, _ octets: [UInt8]) {
        pairs.append((name, octets))
    }

    /// The raw octets of a value, for `charset` handling: percent-decoded but not read as UTF-8.
    static func percentDecodedOctets(_ bytes: [UInt8], plusIsSpace: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = HexDigits.value(of: bytes[index + 1]), let low = HexDigits.value(of: bytes[index + 2]) else {
                    return nil
                }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return out
    }

    /// Percent-decoded UTF-8 text; nil when an escape is malformed or the octets are not UTF-8.
    static func percentDecode(_ bytes: [UInt8], plusIsSpace: Bool) -> String? {
        guard let octets = percentDecodedOctets(bytes, plusIsSpace: plusIsSpace) else { return nil }
        return String(validating: octets, as: UTF8.self)
    }

    static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.octets) == rhs.pairs.map(\.octets)
    }
}
