/// The answer to `AT+CMGS` / `AT+CMSS`: `+CMGS: <mr>[,<scts>|<ackpdu>]` (3GPP TS 27.005
/// §3.5.1): the TP-Message-Reference the network will quote in the status report.
public struct SubmitResult: Sendable, Hashable {
    /// TP-MR, 0…255 (3GPP TS 23.040 §9.2.3.6).
    public var messageReference: Int
    /// The SMS-SUBMIT-REPORT PDU (PDU mode) or service-centre time stamp (text mode), if given.
    public var extra: String?

    public init(messageReference: Int, extra: String? = nil) {
        self.messageReference = messageReference
        self.extra = extra
    }

    /// Parses `+CMGS: 12` (also `+CMSS:`, and with the optional second value).
    public init(line: String) throws(ATParseError) {
        let name = ATInformationLine(line)?.name == "+CMSS" ? "+CMSS" : "+CMGS"
        let fields = try ATInformationLine.fields(of: line, named: name)
        guard (1...2).contains(fields.count) else { throw ATParseError(.fieldCount(fields.count), line: line) }
        guard let reference = fields[0].integer, reference <= 255 else {
            throw ATParseError(.invalidField(name: "mr", value: fields[0].text ?? ""), line: line)
        }
        self.init(messageReference: reference, extra: fields.count == 2 ? fields[1].text : nil)
    }

    /// The line a modem sends.
    public var line: String { "+CMGS: \(messageReference)" + (extra.map { ",\"\($0)\"" } ?? "") }
}
