/// A user data header: its information elements in order (3GPP TS 23.040 §9.2.3.24).
public struct UserDataHeader: Sendable, Hashable {
    public var elements: [InformationElement]

    public init(elements: [InformationElement]) { self.elements = elements }

    /// The header as sent, its length octet (TP-UDHL) first.
    public var octets: [UInt8] {
        let body = elements.flatMap(\.octets)
        return [UInt8(truncatingIfNeeded: body.count)] + body
    }

    /// The concatenation element, if any.
    public var concatenation: (reference: UInt16, total: UInt8, sequence: UInt8)? {
        for case let .concatenation(reference, total, sequence, _) in elements {
            return (reference, total, sequence)
        }
        return nil
    }

    /// The GSM 7 bit tables the national language elements select (3GPP TS 23.040
    /// §9.2.3.24.15/16); the last element of a kind wins, an unknown language (kept as
    /// `.other`) leaves the default table in force.
    public var characterSet: GSM7CharacterSet {
        var set = GSM7CharacterSet.default
        for element in elements {
            switch element {
            case let .nationalLanguageSingleShift(language): set.singleShift = language
            case let .nationalLanguageLockingShift(language): set.lockingShift = language
            default: break
            }
        }
        return set
    }

    /// Parses a header from `octets`, which start at TP-UDHL; `offset` is where they start in
    /// the PDU (for errors). An element overrunning the header is an error.
    static func parse(_ octets: ArraySlice<UInt8>, offset: Int) throws(SMSDecodingError) -> UserDataHeader {
        guard let length = octets.first else { throw SMSDecodingError(.userDataHeader, .truncated, at: offset) }
        guard Int(length) + 1 <= octets.count else {
            throw SMSDecodingError(.userDataHeader, .badLength(Int(length)), at: offset)
        }
        var elements: [InformationElement] = []
        var index = octets.startIndex + 1
        let end = index + Int(length)
        while index < end {
            let elementOffset = offset + (index - octets.startIndex)
            guard index + 1 < end else { throw SMSDecodingError(.userDataHeader, .truncated, at: elementOffset) }
            let identifier = octets[index]
            let dataLength = Int(octets[index + 1])
            guard index + 2 + dataLength <= end else {
                throw SMSDecodingError(.userDataHeader, .badLength(dataLength), at: elementOffset + 1)
            }
            elements.append(InformationElement(identifier: identifier, data: octets[(index + 2)..<(index + 2 + dataLength)]))
            index += 2 + dataLength
        }
        return UserDataHeader(elements: elements)
    }
}
