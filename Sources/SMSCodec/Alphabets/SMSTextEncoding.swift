/// The alphabet of a short message's user data (3GPP TS 23.038 §4, bits 3..2 of a general
/// data coding scheme).
public enum SMSTextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// The GSM 7 bit default alphabet, packed (3GPP TS 23.038 §6.2.1).
    case gsm7
    /// 8-bit data, not text.
    case eightBit = "8bit"
    /// UCS-2 / UTF-16 big-endian (3GPP TS 23.038 §6.2.3).
    case ucs2
}

/// What the sender asks for: the cheapest alphabet that holds the text, or one forced.
public enum SMSEncodingChoice: String, Sendable, Hashable, CaseIterable {
    case automatic = "auto"
    case gsm7
    case ucs2
}

/// How a concatenated message is referenced (3GPP TS 23.040 §9.2.3.24.1 and §9.2.3.24.8).
public enum ConcatenationReferenceSize: Sendable, Hashable {
    /// IE 0x00, one reference octet: header of 6 octets, 153 septets or 67 UCS-2 units a part.
    case eightBit
    /// IE 0x08, two reference octets: header of 7 octets, 152 septets or 66 UCS-2 units.
    case sixteenBit

    /// Octets of the whole user data header (its length octet included).
    public var headerOctets: Int { self == .eightBit ? 6 : 7 }
}
