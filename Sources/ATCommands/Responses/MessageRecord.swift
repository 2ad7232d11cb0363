/// A message as a modem reports it in two lines, a header and a body: `+CMGR:` (3GPP TS
/// 27.005 §3.4.3), each entry of `+CMGL:` (§3.4.2) and the routed `+CMT:` (§3.4.1).
///
/// PDU mode: `+CMGR: <stat>,[<alpha>],<length>` (some phones omit the alpha field: `+CMGR: 0,23`),
/// `+CMGL: <index>,<stat>,[<alpha>],<length>`, `+CMT: [<alpha>],<length>`; the body is the PDU in
/// hex, SMSC address first. Text mode: the header carries the address and time stamp as
/// fields (kept raw here, vendors differ), the body is the text.
public struct MessageRecord: Sendable, Hashable {
    /// The body of the record.
    public enum Body: Sendable, Hashable {
        /// PDU mode: the octets of SMSC address + TPDU, decoded from hex.
        case pdu([UInt8])
        /// Text mode: the message text.
        case text(String)
    }

    /// Storage index (`+CMGL` only).
    public var index: Int?
    /// `<stat>` (`+CMGR`, `+CMGL`); nil for `+CMT` or an unknown text-mode status.
    public var status: MessageStatus?
    /// `<alpha>`: the phonebook name of the sender, when the modem gives one.
    public var alpha: String?
    /// `<length>` of PDU mode: TPDU octets, SMSC address excluded.
    public var length: Int?
    /// All header fields as sent (text-mode address, time stamp, detail fields).
    public var headerFields: [ATField]
    public var body: Body

    /// True for PDU mode when `<length>` agrees with the PDU (SMSC length octet + 1 + length);
    /// real phones sometimes get it wrong, so a mismatch is reported, not refused.
    public var lengthMatchesPDU: Bool {
        guard case .pdu(let octets) = body, let length, let smsc = octets.first else { return false }
        return octets.count == Int(smsc) + 1 + length
    }

    /// The header names that announce a body line.
    public static let headerNames: Set<String> = ["+CMGR", "+CMGL", "+CMT"]

    /// Parses a header line and its body line.
    public init(header: String, body: String) throws(ATParseError) {
        guard let info = ATInformationLine(header), MessageRecord.headerNames.contains(info.name) else {
            throw ATParseError(.missingPrefix("+CMGR:"), line: header)
        }
        let fields = try ATInformationLine.fields(of: header, named: info.name)
        headerFields = fields
        var rest = fields[...]
        if info.name == "+CMGL" {
            guard let first = rest.first, let index = first.integer else {
                throw ATParseError(.invalidField(name: "index", value: rest.first?.text ?? ""), line: header)
            }
            self.index = index
            rest = rest.dropFirst()
        }
        if info.name != "+CMT" {
            guard let first = rest.first else { throw ATParseError(.fieldCount(fields.count), line: header) }
            if case .quoted = first {
                // Text mode: a quoted status (vendors add their own names); the body is text.
                self.status = MessageStatus(field: first)
                self.body = .text(body)
                return
            }
            guard let status = MessageStatus(field: first) else {
                throw ATParseError(.invalidField(name: "stat", value: first.text ?? ""), line: header)
            }
            self.status = status
            rest = rest.dropFirst()
        }
        // PDU mode: [<alpha>,]<length>; +CMT in text mode has a quoted address first and more fields.
        let isPDU = (1...2).contains(rest.count) && rest.last?.integer != nil
        guard isPDU, let length = rest.last?.integer else {
            guard info.name == "+CMT" else { throw ATParseError(.fieldCount(fields.count), line: header) }
            self.body = .text(body)
            return
        }
        self.length = length
        if rest.count == 2, let alpha = rest.first?.text, !alpha.isEmpty { self.alpha = alpha }
        guard let octets = MessageRecord.octets(hex: body) else {
            throw ATParseError(.invalidField(name: "pdu", value: body), line: body)
        }
        self.body = .pdu(octets)
    }

    /// Octets from hex (upper or lower case); nil for odd length or non-hex characters.
    static func octets(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var octets: [UInt8] = []
        octets.reserveCapacity(digits.count / 2)
        var position = 0
        while position < digits.count {
            guard let high = nibble(digits[position]), let low = nibble(digits[position + 1]) else { return nil }
            octets.append(high << 4 | low)
            position += 2
        }
        return octets
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
