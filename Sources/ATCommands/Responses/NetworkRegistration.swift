/// Network registration from `+CREG:` (3GPP TS 27.007 §7.2), `+CGREG:` (§10.1.19) or
/// `+CEREG:` (§10.1.22), in the answer to the read command (`<n>,<stat>[,<lac>,<ci>[,<AcT>]]`)
/// or as an unsolicited code (`<stat>[,<lac>,<ci>[,<AcT>]]`).
///
/// Accepts quoted and unquoted hex (Huawei sends `2,1,4CA,81DE445`), an empty LAC, and a
/// missing closing quote at the end of the line (gammu `at-creg-corner` dumps).
public struct NetworkRegistration: Sendable, Hashable {
    /// Which registration the line reports.
    public enum Domain: String, Sendable, Hashable, CaseIterable {
        /// `+CREG`: circuit-switched (GSM/UMTS), the one SMS over CS relies on.
        case circuitSwitched = "+CREG"
        /// `+CGREG`: GPRS packet domain.
        case packetSwitched = "+CGREG"
        /// `+CEREG`: EPS (LTE).
        case eps = "+CEREG"
    }

    public var domain: Domain
    /// `<n>` of the read answer; nil in an unsolicited code.
    public var reportingMode: Int?
    public var status: RegistrationStatus
    /// Location area code (or tracking area code for EPS), from hex.
    public var areaCode: UInt32?
    /// Cell id, from hex.
    public var cellID: UInt32?
    /// `<AcT>`: 0 GSM, 2 UTRAN, 7 E-UTRAN…
    public var accessTechnology: Int?

    public init(domain: Domain, reportingMode: Int?, status: RegistrationStatus,
                areaCode: UInt32? = nil, cellID: UInt32? = nil, accessTechnology: Int? = nil) {
        self.domain = domain
        self.reportingMode = reportingMode
        self.status = status
        self.areaCode = areaCode
        self.cellID = cellID
        self.accessTechnology = accessTechnology
    }

    /// The domain a line reports, when it is a registration line at all.
    public static func domain(of line: String) -> Domain? {
        guard let info = ATInformationLine(line) else { return nil }
        return Domain(rawValue: info.name)
    }

    /// Parses the answer to `AT+CREG?` / `AT+CGREG?` / `AT+CEREG?`.
    public init(readAnswer line: String) throws(ATParseError) {
        let (domain, fields) = try NetworkRegistration.fields(line)
        guard fields.count >= 2 else { throw ATParseError(.fieldCount(fields.count), line: line) }
        guard let mode = fields[0].integer else {
            throw ATParseError(.invalidField(name: "n", value: fields[0].text ?? ""), line: line)
        }
        try self.init(domain: domain, reportingMode: mode, fields: fields.dropFirst(), line: line)
    }

    /// Parses the unsolicited form. A two-field line whose second field is a bare number is
    /// taken as the read form (`<n>,<stat>`), which some modems emit unsolicited.
    public init(unsolicited line: String) throws(ATParseError) {
        let (domain, fields) = try NetworkRegistration.fields(line)
        if fields.count == 2, case .bare = fields[1], let mode = fields[0].integer {
            try self.init(domain: domain, reportingMode: mode, fields: fields.dropFirst(), line: line)
        } else {
            try self.init(domain: domain, reportingMode: nil, fields: fields[...], line: line)
        }
    }

    private init(domain: Domain, reportingMode: Int?, fields: ArraySlice<ATField>, line: String) throws(ATParseError) {
        let values = Array(fields)
        guard let first = values.first else { throw ATParseError(.fieldCount(0), line: line) }
        guard let number = first.integer, let status = RegistrationStatus(rawValue: number) else {
            throw ATParseError(.invalidField(name: "stat", value: first.text ?? ""), line: line)
        }
        func hex(_ position: Int, _ name: String) throws(ATParseError) -> UInt32? {
            guard position < values.count, !values[position].isEmpty else { return nil }
            guard let value = values[position].hexadecimal else {
                throw ATParseError(.invalidField(name: name, value: values[position].text ?? ""), line: line)
            }
            return value
        }
        let area = try hex(1, "lac")
        let cell = try hex(2, "ci")
        var technology: Int?
        if values.count > 3, !values[3].isEmpty {
            guard let value = values[3].integer else {
                throw ATParseError(.invalidField(name: "AcT", value: values[3].text ?? ""), line: line)
            }
            technology = value
        }
        self.init(domain: domain, reportingMode: reportingMode, status: status,
                  areaCode: area, cellID: cell, accessTechnology: technology)
    }

    private static func fields(_ line: String) throws(ATParseError) -> (Domain, [ATField]) {
        guard let domain = domain(of: line) else { throw ATParseError(.missingPrefix("+CREG:"), line: line) }
        return (domain, try ATInformationLine.fields(of: line, named: domain.rawValue))
    }
}

extension NetworkRegistration {
    /// The line a modem sends: the read answer when `reportingMode` is set, else the URC;
    /// LAC and CI as quoted upper-case hex (27.007 §7.2), a 28-bit UMTS/LTE CI in 8 digits.
    public var line: String {
        var fields: [String] = []
        if let reportingMode { fields.append(String(reportingMode)) }
        fields.append(String(status.rawValue))
        if let areaCode, let cellID {
            fields.append("\"" + NetworkRegistration.hex(areaCode, width: 4) + "\"")
            fields.append("\"" + NetworkRegistration.hex(cellID, width: cellID > 0xFFFF ? 8 : 4) + "\"")
            if let accessTechnology { fields.append(String(accessTechnology)) }
        }
        return domain.rawValue + ": " + fields.joined(separator: ",")
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
