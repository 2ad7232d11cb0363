extension SMSAddress {
    /// The TP address field: length in useful semi-octets, type, value (3GPP TS 23.040
    /// §9.1.2.5). An alphanumeric value counts the semi-octets its packed septets fill.
    public func tpduOctets() -> [UInt8] {
        let (valueOctets, semiOctets) = encodedValue()
        return [UInt8(semiOctets), typeOctet] + valueOctets
    }

    /// The RP address as AT+CMGS takes it before the TPDU: length in octets (type included),
    /// type, value (3GPP TS 27.005 §3.1 <pdu>, 3GPP TS 24.011 §8.2.5.1).
    public func serviceCentreOctets() -> [UInt8] {
        let (valueOctets, _) = encodedValue()
        return [UInt8(valueOctets.count + 1), typeOctet] + valueOctets
    }

    private func encodedValue() -> (octets: [UInt8], semiOctets: Int) {
        if typeOfNumber == .alphanumeric {
            let septets = value.unicodeScalars.flatMap { GSM7Alphabet.septets(for: $0) ?? [0x20] }
            let packed = SeptetPacking.pack(septets)
            return (packed, (septets.count * 7 + 3) / 4)
        }
        let nibbles = value.compactMap { Self.bcdDigits.firstIndex(of: $0).map(UInt8.init) }
        var octets: [UInt8] = []
        var index = 0
        while index < nibbles.count {
            let high = index + 1 < nibbles.count ? nibbles[index + 1] : 0x0F
            octets.append(high << 4 | nibbles[index])
            index += 2
        }
        return (octets, nibbles.count)
    }

    /// Reads a TP address field (length in semi-octets).
    static func readTPDUAddress(_ reader: inout OctetReader, _ field: SMSDecodingError.Field) throws(SMSDecodingError) -> SMSAddress {
        let start = reader.position
        let semiOctets = Int(try reader.octet(field))
        guard semiOctets <= 20 else { throw SMSDecodingError(field, .badLength(semiOctets), at: start) }
        let type = try reader.octet(field)
        let octets = try reader.octets((semiOctets + 1) / 2, field)
        return try decode(type: type, octets: octets, semiOctets: semiOctets, field: field, at: start)
    }

    /// Reads the SMSC address before a TPDU (length in octets); nil when the length is 0.
    static func readServiceCentre(_ reader: inout OctetReader) throws(SMSDecodingError) -> SMSAddress? {
        let field = SMSDecodingError.Field.serviceCentreAddress
        let length = Int(try reader.octet(field))
        if length == 0 { return nil }
        guard length <= 11 else { throw SMSDecodingError(field, .badLength(length), at: 0) }
        let type = try reader.octet(field)
        let octets = try reader.octets(length - 1, field)
        if octets.isEmpty { return SMSAddress(typeOfNumber: .unknown, numberingPlan: type & 0x0F, value: "") }
        let semiOctets = octets.count * 2 - (octets.last.map { $0 >> 4 == 0x0F ? 1 : 0 } ?? 0)
        return try decode(type: type, octets: octets, semiOctets: semiOctets, field: field, at: 0)
    }

    private static func decode(
        type: UInt8, octets: ArraySlice<UInt8>, semiOctets: Int, field: SMSDecodingError.Field, at start: Int
    ) throws(SMSDecodingError) -> SMSAddress {
        let typeOfNumber = TypeOfNumber(rawValue: (type >> 4) & 0x07) ?? .unknown
        if typeOfNumber == .alphanumeric {
            let count = semiOctets * 4 / 7
            guard let septets = SeptetPacking.unpack(octets, count: count) else {
                throw SMSDecodingError(field, .badLength(semiOctets), at: start)
            }
            return SMSAddress(typeOfNumber: .alphanumeric, numberingPlan: type & 0x0F, value: GSM7Alphabet.decode(septets))
        }
        var digits = ""
        for index in 0..<semiOctets {
            let octet = octets[octets.startIndex + index / 2]
            let nibble = index % 2 == 0 ? octet & 0x0F : octet >> 4
            guard nibble < 0x0F else {
                throw SMSDecodingError(field, .invalidSemiOctet(nibble), at: start + 2 + index / 2)
            }
            digits.append(bcdDigits[Int(nibble)])
        }
        return SMSAddress(typeOfNumber: typeOfNumber, numberingPlan: type & 0x0F, value: digits)
    }
}
