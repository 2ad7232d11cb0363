/// Why a PDU could not be decoded: the field that is wrong, the reason, and the octet offset
/// (from the start of the input) where it was found.
public struct SMSDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The fields of an SMS PDU (3GPP TS 23.040 §9.2.2, 3GPP TS 27.005 §3.1 for the SMSC).
    public enum Field: String, Sendable, Hashable {
        case hex
        case serviceCentreAddress = "service centre address"
        case firstOctet = "first octet"
        case messageReference = "TP-MR"
        case originatingAddress = "TP-OA"
        case destinationAddress = "TP-DA"
        case recipientAddress = "TP-RA"
        case protocolIdentifier = "TP-PID"
        case dataCodingScheme = "TP-DCS"
        case validityPeriod = "TP-VP"
        case serviceCentreTimeStamp = "TP-SCTS"
        case dischargeTime = "TP-DT"
        case status = "TP-ST"
        case parameterIndicator = "TP-PI"
        case userDataLength = "TP-UDL"
        case userDataHeader = "TP-UDH"
        case userData = "TP-UD"
    }

    public enum Reason: Sendable, Hashable {
        /// The input ends inside the field.
        case truncated
        /// A length is out of range for the field.
        case badLength(Int)
        /// A BCD semi-octet that is not a digit where one is required.
        case invalidSemiOctet(UInt8)
        /// A value the specification reserves, or this decoder cannot interpret.
        case unsupportedValue(UInt8)
        /// A character that is not a hexadecimal digit, or an odd number of digits.
        case invalidHex(String)
    }

    public var field: Field
    public var reason: Reason
    public var offset: Int

    public init(_ field: Field, _ reason: Reason, at offset: Int) {
        self.field = field
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let what: String
        switch reason {
        case .truncated: what = "truncated"
        case let .badLength(length): what = "bad length \(length)"
        case let .invalidSemiOctet(value): what = "invalid semi-octet 0x\(String(value, radix: 16, uppercase: true))"
        case let .unsupportedValue(value): what = "unsupported value 0x\(hex2(value))"
        case let .invalidHex(detail): what = detail
        }
        return "\(field.rawValue): \(what) at octet \(offset)"
    }

    private func hex2(_ value: UInt8) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
