/// An address field of a TPDU or the service centre address before it (3GPP TS 23.040
/// §9.1.2.5; 3GPP TS 24.011 §8.2.5.1 for the RP address the SMSC prefix carries).
public struct SMSAddress: Sendable, Hashable {
    /// Type of number, bits 6..4 of the type-of-address octet.
    public enum TypeOfNumber: UInt8, Sendable, Hashable, CaseIterable {
        case unknown = 0
        case international = 1
        case national = 2
        case networkSpecific = 3
        case subscriber = 4
        /// GSM 7 bit default alphabet characters, packed (3GPP TS 23.038 §6.2.1).
        case alphanumeric = 5
        case abbreviated = 6
        case reserved = 7
    }

    public var typeOfNumber: TypeOfNumber
    /// Numbering plan identification, bits 3..0 (1 = ISDN/E.164; 0 for alphanumeric).
    public var numberingPlan: UInt8
    /// The digits (0-9 * # a b c, without '+') or, for alphanumeric, the text.
    public var value: String

    public init(typeOfNumber: TypeOfNumber, numberingPlan: UInt8 = 1, value: String) {
        self.typeOfNumber = typeOfNumber
        self.numberingPlan = numberingPlan & 0x0F
        self.value = value
    }

    /// The type-of-address octet (bit 7 always set).
    public var typeOctet: UInt8 { 0x80 | typeOfNumber.rawValue << 4 | numberingPlan }

    /// How people write it: `+` before an international number.
    public var displayString: String { typeOfNumber == .international ? "+" + value : value }

    /// An address as an operator types it: `+` and digits is international (E.164); digits
    /// alone are sent with type unknown (the network applies its dialling plan), or with
    /// `plainDigitsType` if given; anything else is an alphanumeric sender name when
    /// `allowsAlphanumeric` (never a destination a network can route), else an error.
    public init(
        parsing text: String, plainDigitsType: TypeOfNumber = .unknown, allowsAlphanumeric: Bool = false,
        field: SMSEncodingError.Field
    ) throws(SMSEncodingError) {
        guard !text.isEmpty else { throw SMSEncodingError(field, .empty) }
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if !digits.isEmpty, digits.allSatisfy({ Self.bcdDigits.contains($0) }) {
            guard digits.count <= 20 else { throw SMSEncodingError(field, .tooLong(length: digits.count, maximum: 20)) }
            self.init(typeOfNumber: text.hasPrefix("+") ? .international : plainDigitsType, value: digits)
            return
        }
        if text.hasPrefix("+") || !allowsAlphanumeric {
            let bad = digits.first { !Self.bcdDigits.contains($0) } ?? "+"
            throw SMSEncodingError(field, .invalidCharacter(bad))
        }
        var septets = 0
        for scalar in text.unicodeScalars {
            guard let count = GSM7Alphabet.septetCount(of: scalar) else {
                throw SMSEncodingError(field, .invalidCharacter(Character(scalar)))
            }
            septets += count
        }
        guard septets <= 11 else { throw SMSEncodingError(field, .tooLong(length: septets, maximum: 11)) }
        self.init(typeOfNumber: .alphanumeric, numberingPlan: 0, value: text)
    }

    /// The semi-octet alphabet of numbers (3GPP TS 23.040 §9.1.2.3): 0-9, *, #, a, b, c.
    static let bcdDigits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#", "a", "b", "c"]
}
