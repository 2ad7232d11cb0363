/// UCS-2 as SMS uses it: UTF-16 big-endian code units (3GPP TS 23.038 §6.2.3); characters
/// outside the BMP travel as surrogate pairs, as handsets send and display them.
public enum UCS2 {
    /// The big-endian octets of `units`.
    public static func octets(of units: some Sequence<UInt16>) -> [UInt8] {
        var octets: [UInt8] = []
        for unit in units {
            octets.append(UInt8(unit >> 8))
            octets.append(UInt8(truncatingIfNeeded: unit))
        }
        return octets
    }

    /// Decodes big-endian UTF-16 octets; a lone surrogate (a pair split by another sender)
    /// becomes U+FFFD. Returns nil on an odd octet count.
    public static func decode(_ octets: ArraySlice<UInt8>) -> String? {
        guard octets.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(octets.count / 2)
        var index = octets.startIndex
        while index < octets.endIndex {
            units.append(UInt16(octets[index]) << 8 | UInt16(octets[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}
