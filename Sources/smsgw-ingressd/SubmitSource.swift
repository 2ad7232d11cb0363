import SMPPCodec
import SMSCodec

/// source_addr with its TON (SMPP 3.4 §5.2.5, §5.2.8) as the store keeps it. SMS-SUBMIT has
/// no originator field (3GPP TS 23.040 §9.2.2.2): the SIM's own number is what the handset
/// sees, so the source is kept for DLRs and history only — but it is checked as the address
/// it claims to be.
enum SubmitSource {
    /// - TON 5 (alphanumeric): 1–11 characters of the GSM 7 bit alphabet (an extension
    ///   character counts two), as a TP-OA alphanumeric address could carry (§9.1.2.5).
    /// - TON 1 (international): digits, stored with a leading "+".
    /// - TON 0 (unknown): digits; a text that is not digits is taken as alphanumeric
    ///   (many ESMEs send a sender name with TON 0).
    /// - TON 2, 3, 4, 6: digits.
    /// An empty source_addr is refused: no default sender is configured.
    static func text(of address: SMEAddress) throws(SubmitRefusal) -> String {
        let value = address.address
        guard !value.isEmpty else { throw SubmitRefusal(.invalidSourceAddress, "source_addr is empty") }
        switch address.ton {
        case .alphanumeric:
            return try alphanumeric(value)
        case .international:
            let digits = value.hasPrefix("+") ? String(value.dropFirst()) : value
            try checkDigits(digits, value)
            return "+" + digits
        case .unknown:
            if value.allSatisfy(\.isASCIIDigit) || (value.hasPrefix("+") && value.dropFirst().allSatisfy(\.isASCIIDigit) && value.count > 1) {
                return value
            }
            return try alphanumeric(value)
        case .national, .networkSpecific, .subscriberNumber, .abbreviated:
            try checkDigits(value, value)
            return value
        default:
            throw SubmitRefusal(.invalidSourceTON, "source_addr_ton \(address.ton.rawValue) is reserved")
        }
    }

    private static func checkDigits(_ digits: String, _ value: String) throws(SubmitRefusal) {
        guard !digits.isEmpty, digits.count <= 20, digits.allSatisfy(\.isASCIIDigit) else {
            throw SubmitRefusal(.invalidSourceAddress, "source_addr \"\(value)\" is not 1 to 20 digits")
        }
    }

    private static func alphanumeric(_ value: String) throws(SubmitRefusal) -> String {
        var septets = 0
        for scalar in value.unicodeScalars {
            guard let count = GSM7Alphabet.septetCount(of: scalar) else {
                throw SubmitRefusal(.invalidSourceAddress, "source_addr \"\(value)\": U+\(String(scalar.value, radix: 16, uppercase: true)) is not in the GSM 7 bit alphabet")
            }
            septets += count
        }
        guard septets <= 11 else {
            throw SubmitRefusal(.invalidSourceAddress, "source_addr \"\(value)\" is \(septets) septets; an alphanumeric address holds 11")
        }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
