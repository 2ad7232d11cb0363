/// The answer to `AT+CPIN?`, also sent unsolicited at start-up: `+CPIN: <code>`
/// (3GPP TS 27.007 §8.3), plus the `NOT INSERTED` / `NOT READY` answers SIMCom and Quectel give.
public enum PINStatus: Sendable, Hashable {
    case ready
    /// A PIN or PUK is needed: `SIM PIN`, `SIM PUK`, `PH-SIM PIN`, `SIM PIN2`, `PH-NET PIN`…
    case required(String)
    /// No SIM in the slot (`NOT INSERTED`, `SIM REMOVED`, `NO SIM`).
    case notInserted
    /// The SIM is still starting (`NOT READY`).
    case notReady

    /// True when the SIM is usable without a code.
    public var isReady: Bool { self == .ready }

    /// Parses `+CPIN: READY` (also without the space after the colon, quoted, or lower case).
    public init(line: String) throws(ATParseError) {
        let fields = try ATInformationLine.fields(of: line, named: "+CPIN")
        guard fields.count == 1, let code = fields[0].text, !code.isEmpty else {
            throw ATParseError(.fieldCount(fields.count), line: line)
        }
        switch code.uppercased() {
        case "READY": self = .ready
        case "NOT INSERTED", "SIM REMOVED", "NO SIM": self = .notInserted
        case "NOT READY": self = .notReady
        case let other where other.contains("PIN") || other.contains("PUK"): self = .required(other)
        default: throw ATParseError(.invalidField(name: "code", value: code), line: line)
        }
    }

    /// The line a modem sends for this status.
    public var line: String {
        switch self {
        case .ready: "+CPIN: READY"
        case .required(let code): "+CPIN: \(code)"
        case .notInserted: "+CPIN: NOT INSERTED"
        case .notReady: "+CPIN: NOT READY"
        }
    }
}
