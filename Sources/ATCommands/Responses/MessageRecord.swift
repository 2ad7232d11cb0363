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
    ///
    /// Real phones vary (gammu `tests/at-sms/` dumps): `+CMGR: 0,23` without the alpha field,
    /// `+CMGR: 4,1,,151` with the index first, `+CMGR: ,,92` with no status, `+CMGR: 24` with the
    /// length alone, a PDU line ending in a stray quote. All are accepted; what is missing is nil.
    public init(header: String, body: String) throws(ATParseError) {
        guard let info = ATInformationLine(header), MessageRecord.headerNames.contains(info.name) else {
            throw ATParseError(.missingPrefix("+CMGR:"), line: header)
        }
        let fields = try ATInformationLine.fields(of: header, named: info.name)
        headerFields = fields
        let statusPosition = info.name == "+CMGL" ? 1 : 0
        if info.name != "+CMT", statusPosition < fields.count, case .quoted = fields[statusPosition] {
            // Text mode: a quoted status (vendors add their own names); the body is text.
            index = statusPosition == 1 ? fields[0].integer : nil
            status = MessageStatus(field: fields[statusPosition])
            self.body = .text(body)
            return
        }
        guard let length = fields.last?.integer else {
            // +CMT in text mode: `<oa>,[<alpha>],<scts>[,…]`.
            guard info.name == "+CMT", !fields.isEmpty else { throw ATParseError(.fieldCount(fields.count), line: header) }
            self.body = .text(body)
            return
        }
        // PDU mode: the positions of index, stat and alpha before <length>, by field count.
        let layout: (index: Int?, status: Int?, alpha: Int?)
        switch (info.name, fields.count) {
        case ("+CMT", 1): layout = (nil, nil, nil)
        case ("+CMT", 2): layout = (nil, nil, 0)
        case ("+CMGR", 1): layout = (nil, nil, nil)
        case ("+CMGR", 2): layout = (nil, 0, nil)
        case ("+CMGR", 3): layout = (nil, 0, 1)
        case ("+CMGR", 4), ("+CMGL", 4): layout = (0, 1, 2)
        case ("+CMGL", 3): layout = (0, 1, nil)
        default: throw ATParseError(.fieldCount(fields.count), line: header)
        }
        if let position = layout.index {
            guard let index = fields[position].integer else {
                throw ATParseError(.invalidField(name: "index", value: fields[position].text ?? ""), line: header)
            }
            self.index = index
        }
        if let position = layout.status, !fields[position].isEmpty {
            guard let status = MessageStatus(field: fields[position]) else {
                throw ATParseError(.invalidField(name: "stat", value: fields[position].text ?? ""), line: header)
            }
            self.status = status
        }
        if let position = layout.alpha, let alpha = fields[position].text, !alpha.isEmpty { self.alpha = alpha }
        self.length = length
        var hex = Substring(body)
        while hex.last == "\"" || hex.last == " " { hex = hex.dropLast() }
        while hex.first == "\"" { hex = hex.dropFirst() }
        guard let octets = MessageRecord.octets(hex: String(hex)) else {
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
