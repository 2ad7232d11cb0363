/// An SME address: type of number, numbering plan and the address itself (SMPP 3.4 §5.2.5,
/// §5.2.6, §5.2.8). The address's maximum length depends on the PDU (21 in submit_sm, 65 in
/// data_sm), so the PDU layouts check it, not this type.
public struct SMEAddress: Hashable, Sendable {
    public var ton: TypeOfNumber
    public var npi: NumberingPlan
    public var address: String

    public init(ton: TypeOfNumber = .unknown, npi: NumberingPlan = .unknown, address: String = "") {
        (self.ton, self.npi, self.address) = (ton, npi, address)
    }
}

/// TON (§5.2.5). An open set: other values keep their number.
public struct TypeOfNumber: RawRepresentable, Hashable, Sendable, OctetField {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unknown = TypeOfNumber(rawValue: 0)
    public static let international = TypeOfNumber(rawValue: 1)
    public static let national = TypeOfNumber(rawValue: 2)
    public static let networkSpecific = TypeOfNumber(rawValue: 3)
    public static let subscriberNumber = TypeOfNumber(rawValue: 4)
    public static let alphanumeric = TypeOfNumber(rawValue: 5)
    public static let abbreviated = TypeOfNumber(rawValue: 6)
}

/// NPI (§5.2.6). An open set: other values keep their number.
public struct NumberingPlan: RawRepresentable, Hashable, Sendable, OctetField {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unknown = NumberingPlan(rawValue: 0)
    public static let isdn = NumberingPlan(rawValue: 1)
    public static let data = NumberingPlan(rawValue: 3)
    public static let telex = NumberingPlan(rawValue: 4)
    public static let landMobile = NumberingPlan(rawValue: 6)
    public static let national = NumberingPlan(rawValue: 8)
    public static let `private` = NumberingPlan(rawValue: 9)
    public static let ermes = NumberingPlan(rawValue: 10)
    public static let internet = NumberingPlan(rawValue: 14)
    public static let wapClientID = NumberingPlan(rawValue: 18)
}

/// message_state (§5.2.28), in query_sm_resp and the message_state TLV.
public struct MessageState: RawRepresentable, Hashable, Sendable, OctetField, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let enroute = MessageState(rawValue: 1)
    public static let delivered = MessageState(rawValue: 2)
    public static let expired = MessageState(rawValue: 3)
    public static let deleted = MessageState(rawValue: 4)
    public static let undeliverable = MessageState(rawValue: 5)
    public static let accepted = MessageState(rawValue: 6)
    public static let unknown = MessageState(rawValue: 7)
    public static let rejected = MessageState(rawValue: 8)

    /// The specification's name (`DELIVERED`), as in delivery receipt texts (Appendix B).
    public var name: String? {
        let names = ["ENROUTE", "DELIVERED", "EXPIRED", "DELETED", "UNDELIVERABLE", "ACCEPTED", "UNKNOWN", "REJECTED"]
        return (1...8).contains(rawValue) ? names[Int(rawValue) - 1] : nil
    }

    public var description: String { name ?? String(rawValue) }
}

/// A one-octet field whose type is a value wrapper (TON, NPI, message_state) or UInt8 itself.
protocol OctetField: Sendable {
    init(rawValue: UInt8)
    var rawValue: UInt8 { get }
}

extension UInt8: OctetField {
    init(rawValue: UInt8) { self = rawValue }
    var rawValue: UInt8 { self }
}
