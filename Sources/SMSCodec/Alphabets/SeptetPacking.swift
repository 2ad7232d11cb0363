/// Packing of 7-bit septets into octets, least significant bit first (3GPP TS 23.038
/// §6.1.2.1.1), with the fill bits that align the first septet after a user data header on a
/// septet boundary (3GPP TS 23.040 §9.2.3.24).
public enum SeptetPacking {
    /// Packs `septets` after `fillBits` zero bits (0...6).
    public static func pack(_ septets: [UInt8], fillBits: Int = 0) -> [UInt8] {
        var octets: [UInt8] = []
        octets.reserveCapacity((fillBits + septets.count * 7 + 7) / 8)
        var accumulator: UInt32 = 0
        var bitCount = fillBits
        for septet in septets {
            accumulator |= UInt32(septet & 0x7F) << UInt32(bitCount)
            bitCount += 7
            while bitCount >= 8 {
                octets.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator >>= 8
                bitCount -= 8
            }
        }
        if bitCount > 0 { octets.append(UInt8(truncatingIfNeeded: accumulator)) }
        return octets
    }

    /// Unpacks `count` septets starting `fillBits` bits into `octets`. Returns nil when the
    /// octets hold fewer bits than that.
    public static func unpack(_ octets: ArraySlice<UInt8>, count: Int, fillBits: Int = 0) -> [UInt8]? {
        guard count >= 0, fillBits + count * 7 <= octets.count * 8 else { return nil }
        var septets: [UInt8] = []
        septets.reserveCapacity(count)
        let base = octets.startIndex
        for index in 0..<count {
            let bit = fillBits + index * 7
            let low = UInt16(octets[base + bit / 8])
            let high: UInt16 = base + bit / 8 + 1 < octets.endIndex ? UInt16(octets[base + bit / 8 + 1]) : 0
            septets.append(UInt8(truncatingIfNeeded: ((high << 8 | low) >> UInt16(bit % 8)) & 0x7F))
        }
        return septets
    }

    /// Septets a user data header of `headerOctets` octets occupies, fill bits included.
    public static func headerSeptets(forHeaderOctets headerOctets: Int) -> Int {
        (headerOctets * 8 + 6) / 7
    }

    /// Fill bits between a header of `headerOctets` octets and the first septet.
    public static func fillBits(forHeaderOctets headerOctets: Int) -> Int {
        headerSeptets(forHeaderOctets: headerOctets) * 7 - headerOctets * 8
    }
}
