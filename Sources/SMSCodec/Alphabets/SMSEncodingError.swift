/// Why a message cannot be encoded as asked: the field at fault and the reason.
public struct SMSEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Field: String, Sendable, Hashable {
        case text
        case destination = "destination address"
        case serviceCentre = "service centre address"
        case validityPeriod = "validity period"
        case messageReference = "message reference"
    }

    public enum Reason: Sendable, Hashable {
        /// `character` (at scalar offset `offset`) is not in the GSM 7 bit default alphabet
        /// or its extension table, and GSM-7 was forced.
        case notInGSM7Alphabet(character: Unicode.Scalar, offset: Int)
        /// The text needs more parts than a concatenation header can number (255).
        case tooManySegments(Int)
        /// Nothing was given.
        case empty
        /// A character the field cannot hold.
        case invalidCharacter(Character)
        /// Longer than the field allows (3GPP TS 23.040 §9.1.2.5: 20 digits, 11 characters).
        case tooLong(length: Int, maximum: Int)
        /// A number outside the range the field can express.
        case outOfRange(Int)
    }

    public var field: Field
    public var reason: Reason

    public init(_ field: Field, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case let .notInGSM7Alphabet(character, offset):
            let code = String(character.value, radix: 16, uppercase: true)
            return "\(field.rawValue): U+\(code) at character \(offset) is not in the GSM 7 bit alphabet (3GPP TS 23.038 §6.2.1)"
        case let .tooManySegments(count):
            return "\(field.rawValue): needs \(count) parts, more than the 255 a concatenation header can number"
        case .empty:
            return "\(field.rawValue): is empty"
        case let .invalidCharacter(character):
            return "\(field.rawValue): '\(character)' is not allowed"
        case let .tooLong(length, maximum):
            return "\(field.rawValue): \(length) characters, at most \(maximum) allowed"
        case let .outOfRange(value):
            return "\(field.rawValue): \(value) is out of range"
        }
    }
}
