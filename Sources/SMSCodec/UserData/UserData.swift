/// TP-UD of a received TPDU: its header, if TP-UDHI says there is one, and its body
/// (3GPP TS 23.040 §9.2.3.16 and §9.2.3.24).
public struct UserData: Sendable, Hashable {
    /// TP-UDL as sent: septets (GSM-7, header and fill included) or octets.
    public var length: Int
    public var header: UserDataHeader?
    /// The text, for GSM-7 and UCS-2; nil for 8-bit data.
    public var text: String?
    /// The body after the header: unpacked septets for GSM-7, octets otherwise.
    public var body: [UInt8]
    /// Octets after the user data that TP-UDL does not cover. Real phones leave junk there
    /// (gammu's at-sms/39.dump has 30 such octets); they are ignored and counted here.
    public var ignoredOctets: Int = 0

    /// Reads TP-UDL and TP-UD; what follows them is counted in `ignoredOctets`.
    static func read(
        _ reader: inout OctetReader, coding: DataCodingScheme, hasHeader: Bool
    ) throws(SMSDecodingError) -> UserData {
        let lengthOffset = reader.position
        let length = Int(try reader.octet(.userDataLength))
        let encoding = coding.encoding
        let maximum = encoding == .gsm7 ? 160 : 140
        guard length <= maximum else { throw SMSDecodingError(.userDataLength, .badLength(length), at: lengthOffset) }
        let dataOffset = reader.position
        let octets = try reader.octets(encoding == .gsm7 ? (length * 7 + 7) / 8 : length, .userData)
        let ignored = reader.rest().count
        guard !coding.isCompressed else {
            throw SMSDecodingError(.dataCodingScheme, .unsupportedValue(coding.rawValue), at: lengthOffset - 1)
        }
        var header: UserDataHeader?
        var headerOctets = 0
        // TP-UDHI with TP-UDL 0 (seen from real phones) leaves no room for a header: none.
        if hasHeader, length > 0 {
            let parsed = try UserDataHeader.parse(octets, offset: dataOffset)
            headerOctets = Int(octets[octets.startIndex]) + 1
            header = parsed
        }
        switch encoding {
        case .gsm7:
            let headerSeptets = SeptetPacking.headerSeptets(forHeaderOctets: headerOctets)
            guard headerSeptets <= length,
                  let septets = SeptetPacking.unpack(octets, count: length - headerSeptets, fillBits: headerSeptets * 7)
            else { throw SMSDecodingError(.userDataHeader, .badLength(headerOctets - 1), at: dataOffset) }
            let characterSet = header?.characterSet ?? .default
            return UserData(length: length, header: header, text: characterSet.decode(septets), body: septets, ignoredOctets: ignored)
        case .ucs2:
            let body = octets.dropFirst(headerOctets)
            guard let text = UCS2.decode(body) else {
                throw SMSDecodingError(.userData, .badLength(body.count), at: dataOffset + headerOctets)
            }
            return UserData(length: length, header: header, text: text, body: Array(body), ignoredOctets: ignored)
        case .eightBit:
            return UserData(
                length: length, header: header, text: nil, body: Array(octets.dropFirst(headerOctets)), ignoredOctets: ignored
            )
        }
    }
}
