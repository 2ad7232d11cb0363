/// The final result code that ends a command's response (ITU-T V.250 §5.7.1 Table 1;
/// 3GPP TS 27.005 §3.2.5 `+CMS ERROR`; 3GPP TS 27.007 §9.2 `+CME ERROR`).
///
/// Matched against whole lines only: `OK` inside a text message or a line that merely
/// starts with `OK` is not a final result.
public enum ATFinalResult: Sendable, Hashable {
    case ok
    /// `ERROR`; also Huawei's non-standard `COMMAND NOT SUPPORT` (python-gsmmodem, E1752).
    case error
    /// `+CMS ERROR: <err>` or `+CME ERROR: <err>`.
    case modemError(ModemError)
    /// `CONNECT` with its optional text (`CONNECT 115200`).
    case connect(String?)
    case noCarrier
    case busy
    case noAnswer
    case noDialtone

    /// True for `OK` and `CONNECT`.
    public var isSuccess: Bool {
        switch self {
        case .ok, .connect: true
        default: false
        }
    }

    /// The final result code `line` is, or nil when it is not one (whole-line match).
    public init?(line: String) {
        var text = Substring(line)
        while text.last == " " { text = text.dropLast() }
        switch text {
        case "OK": self = .ok
        case "ERROR", "COMMAND NOT SUPPORT": self = .error
        case "NO CARRIER": self = .noCarrier
        case "BUSY": self = .busy
        case "NO ANSWER": self = .noAnswer
        case "NO DIALTONE", "NO DIAL TONE": self = .noDialtone
        case "CONNECT": self = .connect(nil)
        default:
            if text.hasPrefix("+CMS ERROR:") {
                self = .modemError(ModemError(family: .cms, value: text.dropFirst(11)))
            } else if text.hasPrefix("+CME ERROR:") {
                self = .modemError(ModemError(family: .cme, value: text.dropFirst(11)))
            } else if text.hasPrefix("CONNECT "), text.count > 8 {
                self = .connect(String(text.dropFirst(8)))
            } else {
                return nil
            }
        }
    }

    /// The line as a modem sends it (the simulator renders results with this).
    public var line: String {
        switch self {
        case .ok: "OK"
        case .error: "ERROR"
        case .modemError(let error):
            (error.family == .cms ? "+CMS ERROR: " : "+CME ERROR: ") + (error.code.map(String.init) ?? error.text)
        case .connect(let text): text.map { "CONNECT \($0)" } ?? "CONNECT"
        case .noCarrier: "NO CARRIER"
        case .busy: "BUSY"
        case .noAnswer: "NO ANSWER"
        case .noDialtone: "NO DIALTONE"
        }
    }
}
