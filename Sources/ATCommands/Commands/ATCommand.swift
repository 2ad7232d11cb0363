/// The commands modemd sends, typed (3GPP TS 27.007, 27.005, ITU-T V.250). Each renders to
/// one command line; `init?(_:)` recognises them in a parsed line (for the modem simulator).
public enum ATCommand: Sendable, Hashable {
    /// `AT`: is anyone there.
    case attention
    /// `ATE0` / `ATE1` (V.250 §6.2.4).
    case echo(Bool)
    /// `ATZ` (V.250 §6.1.1).
    case reset
    /// `AT&F` (V.250 §6.1.2).
    case factoryDefaults
    /// `AT+CMEE=<n>` (27.007 §9.1): 0 plain ERROR, 1 numeric, 2 verbose.
    case reportErrors(Int)
    /// `AT+CMEE?` (27.007 §9.1): answered `+CMEE: <n>` then `OK`; the ladder's probe.
    case readErrorReporting
    /// `AT+CPIN?` (27.007 §8.3).
    case readPINStatus
    /// `AT+CPIN="<pin>"`.
    case enterPIN(String)
    /// `AT+CSQ` (27.007 §8.5).
    case signalQuality
    /// `AT+CREG=<n>` (27.007 §7.2).
    case setRegistrationReporting(Int)
    /// `AT+CREG?`.
    case readRegistration
    /// `AT+CEREG=<n>` (27.007 §10.1.22).
    case setEPSRegistrationReporting(Int)
    /// `AT+CEREG?`.
    case readEPSRegistration
    /// `AT+COPS?` (27.007 §7.3).
    case readOperator
    /// `AT+COPS=3,<format>`: set the format of the operator name (0 long, 1 short, 2 numeric).
    case setOperatorFormat(Int)
    /// `AT+CMGF=<mode>` (27.005 §3.2.3).
    case setMessageFormat(MessageFormat)
    /// `AT+CNMI=<mode>,<mt>,<bm>,<ds>[,<bfr>]` (27.005 §3.4.1).
    case setNewMessageIndication(NewMessageIndication)
    /// `AT+CPMS="<mem1>"[,"<mem2>"[,"<mem3>"]]` (27.005 §3.2.2).
    case setPreferredStorage([MessageStorage])
    /// `AT+CPMS?`.
    case readPreferredStorage
    /// `AT+CMGS=<length>` (27.005 §3.5.1, PDU mode): TPDU length in octets, SMSC excluded;
    /// then the prompt, then `pduBody(_:)`.
    case sendPDU(length: Int)
    /// `AT+CMGR=<index>` (27.005 §3.4.3).
    case readMessage(index: Int)
    /// `AT+CMGL=<stat>` (27.005 §3.4.2): a number in PDU mode, a name in text mode.
    case listMessages(MessageStatus, format: MessageFormat = .pdu)
    /// `AT+CMGD=<index>[,<delflag>]` (27.005 §3.5.4).
    case deleteMessage(index: Int, flag: Int? = nil)
    /// `AT+CNMA` (27.005 §3.4.4): acknowledge a routed `+CMT`/`+CDS`.
    case acknowledgeNewMessage
    /// `AT+CFUN=<fun>[,<rst>]` (27.007 §8.2): `AT+CFUN=1,1` resets the modem.
    case setFunctionality(Int, reset: Bool? = nil)
    /// `AT+CUSD=1,"<str>",<dcs>` (27.007 §7.15).
    case sendUSSD(String, dcs: Int = 15)
    /// `AT+CUSD=2`: ends the USSD session (27.007 §7.15 `<n>` = 2).
    case cancelUSSD
    /// `AT+CIMI` (27.007 §5.6).
    case readIMSI
    /// `AT+CCID`: the SIM's ICCID (vendor command, widely implemented).
    case readICCID
    /// `AT+CGSN` (27.007 §5.4).
    case readIMEI
    /// `AT+CSCA?` (27.005 §3.3.1).
    case readSMSCAddress
    /// `AT+CSCS="<chset>"` (27.007 §5.5).
    case setCharacterSet(String)

    /// The bytes that end a PDU body (27.005 §3.5.1): Ctrl-Z sends it, ESC cancels.
    public static let submitByte: UInt8 = 0x1A
    public static let cancelByte: UInt8 = 0x1B

    /// The bytes to write after the `> ` prompt of `AT+CMGS`: the hex PDU and Ctrl-Z.
    public static func pduBody(_ hex: String) -> [UInt8] {
        Array(hex.utf8) + [submitByte]
    }

    /// The command as one invocation of its command line.
    public var invocation: ATCommandInvocation {
        switch self {
        case .attention: ATCommandInvocation("", .execute)
        case .echo(let on): ATCommandInvocation("E", .set([.bare(on ? "1" : "0")]))
        case .reset: ATCommandInvocation("Z")
        case .factoryDefaults: ATCommandInvocation("&F")
        case .reportErrors(let mode): ATCommandInvocation("+CMEE", .set([.bare(String(mode))]))
        case .readErrorReporting: ATCommandInvocation("+CMEE", .read)
        case .readPINStatus: ATCommandInvocation("+CPIN", .read)
        case .enterPIN(let pin): ATCommandInvocation("+CPIN", .set([.quoted(pin)]))
        case .signalQuality: ATCommandInvocation("+CSQ")
        case .setRegistrationReporting(let n): ATCommandInvocation("+CREG", .set([.bare(String(n))]))
        case .readRegistration: ATCommandInvocation("+CREG", .read)
        case .setEPSRegistrationReporting(let n): ATCommandInvocation("+CEREG", .set([.bare(String(n))]))
        case .readEPSRegistration: ATCommandInvocation("+CEREG", .read)
        case .readOperator: ATCommandInvocation("+COPS", .read)
        case .setOperatorFormat(let format): ATCommandInvocation("+COPS", .set([.bare("3"), .bare(String(format))]))
        case .setMessageFormat(let format): ATCommandInvocation("+CMGF", .set([.bare(String(format.rawValue))]))
        case .setNewMessageIndication(let settings):
            ATCommandInvocation("+CNMI", .set(
                [settings.mode, settings.deliver, settings.broadcast, settings.statusReport].map { .bare(String($0)) }
                    + (settings.bufferFlush.map { [.bare(String($0))] } ?? [])))
        case .setPreferredStorage(let storages): ATCommandInvocation("+CPMS", .set(storages.map { .quoted($0.rawValue) }))
        case .readPreferredStorage: ATCommandInvocation("+CPMS", .read)
        case .sendPDU(let length): ATCommandInvocation("+CMGS", .set([.bare(String(length))]))
        case .readMessage(let index): ATCommandInvocation("+CMGR", .set([.bare(String(index))]))
        case .listMessages(let status, let format):
            ATCommandInvocation("+CMGL", .set([format == .pdu ? .bare(String(status.rawValue)) : .quoted(status.textName)]))
        case .deleteMessage(let index, let flag):
            ATCommandInvocation("+CMGD", .set([.bare(String(index))] + (flag.map { [.bare(String($0))] } ?? [])))
        case .acknowledgeNewMessage: ATCommandInvocation("+CNMA")
        case .setFunctionality(let fun, let reset):
            ATCommandInvocation("+CFUN", .set([.bare(String(fun))] + (reset.map { [.bare($0 ? "1" : "0")] } ?? [])))
        case .sendUSSD(let text, let dcs): ATCommandInvocation("+CUSD", .set([.bare("1"), .quoted(text), .bare(String(dcs))]))
        case .cancelUSSD: ATCommandInvocation("+CUSD", .set([.bare("2")]))
        case .readIMSI: ATCommandInvocation("+CIMI")
        case .readICCID: ATCommandInvocation("+CCID")
        case .readIMEI: ATCommandInvocation("+CGSN")
        case .readSMSCAddress: ATCommandInvocation("+CSCA", .read)
        case .setCharacterSet(let set): ATCommandInvocation("+CSCS", .set([.quoted(set)]))
        }
    }

    /// The command line: `AT+CMGS=23`, `ATE0`, `AT`.
    public var line: ATCommandLine {
        self == .attention ? ATCommandLine([]) : ATCommandLine([invocation])
    }

    /// The text of the command line, without `<CR>`.
    public var text: String { line.text }

    /// The bytes to write, `<CR>` included.
    public var bytes: [UInt8] { line.bytes }

    /// True when the modem answers with the `> ` prompt and waits for a body.
    public var expectsPrompt: Bool {
        if case .sendPDU = self { return true }
        return false
    }
}
