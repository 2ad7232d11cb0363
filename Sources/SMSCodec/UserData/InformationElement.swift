/// One information element of a user data header (3GPP TS 23.040 §9.2.3.24).
public enum InformationElement: Sendable, Hashable {
    /// Concatenated short message, 8-bit (IEI 0x00) or 16-bit (IEI 0x08) reference
    /// (§9.2.3.24.1, §9.2.3.24.8); `sequence` counts from 1.
    case concatenation(reference: UInt16, total: UInt8, sequence: UInt8, sixteenBit: Bool)
    /// Application port addressing, 8-bit (IEI 0x04) or 16-bit (IEI 0x05) ports
    /// (§9.2.3.24.3, §9.2.3.24.4).
    case ports(destination: UInt16, source: UInt16, sixteenBit: Bool)
    /// National language single shift (IEI 0x24, §9.2.3.24.15): the language whose single
    /// shift table replaces the GSM 7 bit extension table.
    case nationalLanguageSingleShift(NationalLanguage)
    /// National language locking shift (IEI 0x25, §9.2.3.24.16): the language whose locking
    /// shift table replaces the GSM 7 bit default alphabet.
    case nationalLanguageLockingShift(NationalLanguage)
    /// Any other element (a shift to a language this codec has no tables for among them), or a known one whose values the specification says to ignore.
    case other(identifier: UInt8, data: [UInt8])

    /// The element as sent: identifier, length, data.
    public var octets: [UInt8] {
        switch self {
        case let .concatenation(reference, total, sequence, sixteenBit):
            return sixteenBit
                ? [0x08, 4, UInt8(reference >> 8), UInt8(truncatingIfNeeded: reference), total, sequence]
                : [0x00, 3, UInt8(truncatingIfNeeded: reference), total, sequence]
        case let .ports(destination, source, sixteenBit):
            return sixteenBit
                ? [0x05, 4, UInt8(destination >> 8), UInt8(truncatingIfNeeded: destination),
                   UInt8(source >> 8), UInt8(truncatingIfNeeded: source)]
                : [0x04, 2, UInt8(truncatingIfNeeded: destination), UInt8(truncatingIfNeeded: source)]
        case let .nationalLanguageSingleShift(language):
            return [0x24, 1, language.rawValue]
        case let .nationalLanguageLockingShift(language):
            return [0x25, 1, language.rawValue]
        case let .other(identifier, data):
            return [identifier, UInt8(truncatingIfNeeded: data.count)] + data
        }
    }

    /// Interprets an element's data. A concatenation element numbering part 0, or a part past
    /// the total, is to be ignored (§9.2.3.24.1): it is kept as `.other`.
    init(identifier: UInt8, data: ArraySlice<UInt8>) {
        let bytes = Array(data)
        switch (identifier, bytes.count) {
        case (0x00, 3) where bytes[1] > 0 && bytes[2] > 0 && bytes[2] <= bytes[1]:
            self = .concatenation(reference: UInt16(bytes[0]), total: bytes[1], sequence: bytes[2], sixteenBit: false)
        case (0x08, 4) where bytes[2] > 0 && bytes[3] > 0 && bytes[3] <= bytes[2]:
            self = .concatenation(reference: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), total: bytes[2], sequence: bytes[3], sixteenBit: true)
        case (0x04, 2):
            self = .ports(destination: UInt16(bytes[0]), source: UInt16(bytes[1]), sixteenBit: false)
        case (0x05, 4):
            self = .ports(destination: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), source: UInt16(bytes[2]) << 8 | UInt16(bytes[3]), sixteenBit: true)
        case (0x24, 1), (0x25, 1):
            // A language without tables here is kept as `.other`: the default table stays.
            if let language = NationalLanguage(rawValue: bytes[0]) {
                self = identifier == 0x24 ? .nationalLanguageSingleShift(language) : .nationalLanguageLockingShift(language)
            } else {
                self = .other(identifier: identifier, data: bytes)
            }
        default:
            self = .other(identifier: identifier, data: bytes)
        }
    }
}
