/// The information lines of an `AT+CMGL` answer (3GPP TS 27.005 §3.4.2) as records: in PDU
/// mode each `+CMGL:` header is followed by exactly one PDU line; in text mode by the text,
/// which may span lines up to the next `+CMGL:` header.
public enum MessageList {
    /// Parses every entry. A header without its body, or a line before the first header,
    /// makes the answer garbled.
    public static func parse(_ lines: [String]) throws(ATParseError) -> [MessageRecord] {
        var records: [MessageRecord] = []
        var position = 0
        while position < lines.count {
            let header = lines[position]
            guard ATInformationLine(header)?.name == "+CMGL" else {
                throw ATParseError(.missingPrefix("+CMGL:"), line: header)
            }
            guard position + 1 < lines.count else { throw ATParseError(.missingBody, line: header) }
            var body = lines[position + 1]
            position += 2
            var record = try MessageRecord(header: header, body: body)
            if case .text = record.body {
                while position < lines.count, ATInformationLine(lines[position])?.name != "+CMGL" {
                    body += "\n" + lines[position]
                    position += 1
                }
                record.body = .text(body)
            }
            records.append(record)
        }
        return records
    }
}
