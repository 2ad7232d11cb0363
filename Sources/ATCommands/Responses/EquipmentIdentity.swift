/// The identities modemd reads from a modem and its SIM: IMSI (`AT+CIMI`, 3GPP TS 27.007
/// §5.6), ICCID (`AT+CCID` and vendor variants, ITU-T E.118) and IMEI (`AT+CGSN`, §5.4).
public enum EquipmentIdentity {
    /// The IMSI in a `AT+CIMI` answer line: bare digits (6–15), or `+CIMI: <digits>`.
    public static func imsi(line: String) throws(ATParseError) -> String {
        try digits(line, prefixes: ["+CIMI"], name: "IMSI", lengths: 6...15)
    }

    /// The IMEI in a `AT+CGSN` answer: bare or `+CGSN: <digits>`, quoted or not; 14–17 digits
    /// (17 is the IMEISV some modules print).
    public static func imei(line: String) throws(ATParseError) -> String {
        try digits(line, prefixes: ["+CGSN", "+GSN"], name: "IMEI", lengths: 14...17)
    }

    /// The ICCID in any of the answers real modems give: `+CCID:`, `+ICCID:`, `^ICCID:`,
    /// `+QCCID:` (Quectel), `^SCID:` or bare digits; quoted or not; trailing `F` padding removed.
    /// 18–22 digits (ITU-T E.118 allows 19–20, SIMs with 18 and 22 exist).
    public static func iccid(line: String) throws(ATParseError) -> String {
        var value = try text(line, prefixes: ["+CCID", "+ICCID", "^ICCID", "+QCCID", "^SCID"])
        while value.last == "F" || value.last == "f" { value.removeLast() }
        guard (18...22).contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ATParseError(.invalidField(name: "ICCID", value: value), line: line)
        }
        return value
    }

    /// The first line among `lines` that `parse` accepts (modems may print a banner first).
    public static func first(in lines: [String], _ parse: (String) throws(ATParseError) -> String) throws(ATParseError) -> String {
        var firstError = ATParseError(.missingBody)
        for line in lines {
            do {
                return try parse(line)
            } catch {
                if firstError.reason == .missingBody { firstError = error }
            }
        }
        throw firstError
    }

    private static func digits(_ line: String, prefixes: [String], name: String, lengths: ClosedRange<Int>) throws(ATParseError) -> String {
        let value = try text(line, prefixes: prefixes)
        guard lengths.contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ATParseError(.invalidField(name: name, value: value), line: line)
        }
        return value
    }

    private static func text(_ line: String, prefixes: [String]) throws(ATParseError) -> String {
        let fields: [ATField]
        if let info = ATInformationLine(line) {
            guard prefixes.contains(info.name) else { throw ATParseError(.missingPrefix(prefixes[0] + ":"), line: line) }
            do { fields = try ATFieldList.parse(info.parameters) } catch { throw error.on(line) }
        } else {
            do { fields = try ATFieldList.parse(line) } catch { throw error.on(line) }
        }
        guard fields.count == 1, let value = fields[0].text else { throw ATParseError(.fieldCount(fields.count), line: line) }
        return value
    }
}
