/// A USSD answer or network-initiated USSD: `+CUSD: <m>[,<str>[,<dcs>]]` (3GPP TS 27.007 §7.15).
///
/// `<str>` is kept as sent: depending on `<dcs>` and `AT+CSCS` it is text, hex of packed
/// GSM 7-bit septets or hex of UCS-2 (3GPP TS 23.038 §5); decoding it is the SMS codec's job.
/// Huawei E160 sends it unquoted without `<dcs>` (gammu `at-ussd/01-E160.dump`).
public struct USSDResponse: Sendable, Hashable {
    /// `<m>`: 0 no further action, 1 further action required, 2 terminated by network,
    /// 3 other local client responded, 4 not supported, 5 network timeout.
    public var status: Int
    public var text: String?
    /// `<dcs>` (3GPP TS 23.038 §5, cell broadcast coding), when given.
    public var dataCodingScheme: Int?

    public init(status: Int, text: String? = nil, dataCodingScheme: Int? = nil) {
        self.status = status
        self.text = text
        self.dataCodingScheme = dataCodingScheme
    }

    /// True when the network waits for a reply in the same session (`<m>` = 1).
    public var expectsReply: Bool { status == 1 }

    public init(line: String) throws(ATParseError) {
        let fields = try ATInformationLine.fields(of: line, named: "+CUSD")
        guard (1...3).contains(fields.count) else { throw ATParseError(.fieldCount(fields.count), line: line) }
        guard let status = fields[0].integer, status <= 5 else {
            throw ATParseError(.invalidField(name: "m", value: fields[0].text ?? ""), line: line)
        }
        var dcs: Int?
        if fields.count == 3, !fields[2].isEmpty {
            guard let value = fields[2].integer, value <= 255 else {
                throw ATParseError(.invalidField(name: "dcs", value: fields[2].text ?? ""), line: line)
            }
            dcs = value
        }
        self.init(status: status, text: fields.count > 1 ? fields[1].text : nil, dataCodingScheme: dcs)
    }
}
