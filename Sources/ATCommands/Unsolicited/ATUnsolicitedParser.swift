/// Recognises unsolicited result codes by their whole line (ModemManager-style anchored
/// grammars, never substrings) and parses them.
public enum ATUnsolicitedParser {
    /// How a line relates to unsolicited codes.
    public enum Recognition: Sendable, Hashable {
        /// A one-line URC.
        case complete
        /// A URC header whose next line is its body (`+CMT:` and PDU-mode `+CDS:`).
        case needsBody
    }

    /// Information names that are always URCs.
    /// Information names that are URCs unless they answer the pending command (`+CSQ`,
    /// `+CFUN`, `+CPIN`, `+CREG`… are also answers to their own read commands).
    static let urcNames: Set<String> = [
        "+CMTI", "+CDSI", "+CMT", "+CDS", "^SIMST", "+QIND", "+CRING", "+CUSD", "+CREG", "+CGREG", "+CEREG", "+CPIN",
        "+CFUN", "+QUSIM", "^SRVST", "^RSSI", "^MODE", "+CSQ",
    ]
    static let bannerLines: Set<String> = ["RDY", "SMS READY", "SMS DONE", "CALL READY", "PB DONE", "RING"]

    /// Whether `line` is a URC while a command whose names are `pendingNames` is pending
    /// (names like `+CREG`); nil when it is not one.
    public static func recognize(_ line: String, pendingNames: Set<String> = []) -> Recognition? {
        if bannerLines.contains(line.uppercased()) { return .complete }
        guard let info = ATInformationLine(line), urcNames.contains(info.name) else { return nil }
        if pendingNames.contains(info.name) { return nil }
        switch info.name {
        case "+CMT":
            return .needsBody
        case "+CDS":
            // PDU mode: `+CDS: <length>`; text mode has the report on the line itself.
            let fields = (try? ATFieldList.parse(info.parameters)) ?? []
            return fields.count == 1 ? .needsBody : .complete
        default:
            return .complete
        }
    }

    /// Parses a one-line URC.
    public static func parse(_ line: String) throws(ATParseError) -> ATUnsolicited {
        switch line.uppercased() {
        case "RDY": return .moduleReady
        case "SMS READY", "SMS DONE": return .smsReady
        case "CALL READY", "PB DONE": return .callReady
        case "RING": return .ring(nil)
        default: break
        }
        guard let info = ATInformationLine(line) else { return .unrecognized(line) }
        switch info.name {
        case "+CMTI", "+CDSI":
            let fields = try ATInformationLine.fields(of: line, named: info.name)
            guard fields.count == 2, let storage = fields[0].text, !storage.isEmpty, let index = fields[1].integer else {
                throw ATParseError(.fieldCount(fields.count), line: line)
            }
            let memory = MessageStorage(rawValue: storage)
            return info.name == "+CMTI" ? .messageStored(storage: memory, index: index) : .statusReportStored(storage: memory, index: index)
        case "+CREG", "+CGREG", "+CEREG":
            return .registration(try NetworkRegistration(unsolicited: line))
        case "+CPIN":
            return .pinStatus(try PINStatus(line: line))
        case "+CUSD":
            return .ussd(try USSDResponse(line: line))
        case "+CDS":
            return .statusReportText(try ATInformationLine.fields(of: line, named: "+CDS"))
        case "^SIMST":
            let fields = try ATInformationLine.fields(of: line, named: "^SIMST")
            guard let state = fields.first?.integer else { throw ATParseError(.fieldCount(fields.count), line: line) }
            return .simState(state)
        case "+QIND":
            let fields = try ATInformationLine.fields(of: line, named: "+QIND")
            switch fields.first?.text?.uppercased() {
            case "SMS DONE": return .smsReady
            case "PB DONE": return .callReady
            default: return .quectelIndication(fields)
            }
        case "+CRING":
            return .ring(String(info.parameters))
        case "+CFUN": return .functionality(try singleInteger(line, named: "+CFUN"))
        case "+QUSIM": return .quectelUSIM(try singleInteger(line, named: "+QUSIM"))
        case "^SRVST": return .serviceState(try singleInteger(line, named: "^SRVST"))
        case "^RSSI":
            let rssi = try singleInteger(line, named: "^RSSI")
            guard rssi <= 199 else { throw ATParseError(.invalidField(name: "rssi", value: "\(rssi)"), line: line) }
            return .signal(SignalQuality(rssi: rssi, bitErrorRate: 99))
        case "+CSQ":
            return .signal(try SignalQuality(line: line))
        case "^MODE":
            let fields = try ATInformationLine.fields(of: line, named: "^MODE")
            guard !fields.isEmpty, fields.allSatisfy({ $0.integer != nil }) else {
                throw ATParseError(.fieldCount(fields.count), line: line)
            }
            return .systemMode(fields)
        default:
            return .unrecognized(line)
        }
    }

    /// The one integer field of `<name>: <n>`.
    private static func singleInteger(_ line: String, named name: String) throws(ATParseError) -> Int {
        let fields = try ATInformationLine.fields(of: line, named: name)
        guard fields.count == 1, let value = fields[0].integer, value >= 0 else {
            throw ATParseError(.fieldCount(fields.count), line: line)
        }
        return value
    }

    /// Parses a two-line URC: `+CMT:` or `+CDS: <length>` and its body.
    public static func parse(header: String, body: String) throws(ATParseError) -> ATUnsolicited {
        if ATInformationLine(header)?.name == "+CDS" {
            let fields = try ATInformationLine.fields(of: header, named: "+CDS")
            guard fields.count == 1, let length = fields[0].integer else { throw ATParseError(.fieldCount(fields.count), line: header) }
            guard let octets = MessageRecord.octets(hex: body) else {
                throw ATParseError(.invalidField(name: "pdu", value: body), line: body)
            }
            return .statusReport(length: length, pdu: octets)
        }
        return .message(try MessageRecord(header: header, body: body))
    }
}
