/// The answer to `AT+COPS?`: `+COPS: <mode>[,<format>,<oper>[,<AcT>]]` (3GPP TS 27.007 §7.3).
public struct OperatorSelection: Sendable, Hashable {
    /// 0 automatic, 1 manual, 2 deregistered, 3 set format only, 4 manual/automatic.
    public var mode: Int
    /// 0 long alphanumeric, 1 short alphanumeric, 2 numeric (MCC+MNC).
    public var format: Int?
    /// The operator in that format; nil when not registered.
    public var name: String?
    public var accessTechnology: Int?

    public init(mode: Int, format: Int? = nil, name: String? = nil, accessTechnology: Int? = nil) {
        self.mode = mode
        self.format = format
        self.name = name
        self.accessTechnology = accessTechnology
    }

    /// Parses `+COPS: 0,0,"Vodafone NL",7` or `+COPS: 0`.
    public init(line: String) throws(ATParseError) {
        let fields = try ATInformationLine.fields(of: line, named: "+COPS")
        guard (1...4).contains(fields.count) else { throw ATParseError(.fieldCount(fields.count), line: line) }
        guard let mode = fields[0].integer else {
            throw ATParseError(.invalidField(name: "mode", value: fields[0].text ?? ""), line: line)
        }
        func number(_ position: Int, _ name: String) throws(ATParseError) -> Int? {
            guard position < fields.count, !fields[position].isEmpty else { return nil }
            guard let value = fields[position].integer else {
                throw ATParseError(.invalidField(name: name, value: fields[position].text ?? ""), line: line)
            }
            return value
        }
        let format = try number(1, "format")
        let name = fields.count > 2 ? fields[2].text.flatMap { $0.isEmpty ? nil : $0 } : nil
        self.init(mode: mode, format: format, name: name, accessTechnology: try number(3, "AcT"))
    }
}
