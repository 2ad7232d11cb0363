/// An unsolicited result code (3GPP TS 27.005 §3.4.1, 27.007 §7.2/§8.2/§8.3/§8.5/§7.15, and
/// the start-up banners and indications of SIMCom, Quectel and Huawei modules), or a line that came while no command
/// was pending.
public enum ATUnsolicited: Sendable, Hashable {
    /// `+CMTI: "<mem>",<index>`: a message was stored.
    case messageStored(storage: MessageStorage, index: Int)
    /// `+CDSI: "<mem>",<index>`: a status report was stored.
    case statusReportStored(storage: MessageStorage, index: Int)
    /// `+CMT:` header and body: a message routed to the host, to acknowledge with `AT+CNMA`
    /// when `AT+CSMS=1`.
    case message(MessageRecord)
    /// `+CDS: <length>` and the PDU line (PDU mode): a status report routed to the host.
    /// In text mode the whole report is on the header line: `.statusReportText(fields)`.
    case statusReport(length: Int, pdu: [UInt8])
    /// `+CDS: <fo>,<mr>,[<ra>],[<tora>],<scts>,<dt>,<st>` (text mode, one line).
    case statusReportText([ATField])
    /// `+CREG:`, `+CGREG:`, `+CEREG:`.
    case registration(NetworkRegistration)
    /// `+CPIN: READY`, `+CPIN: NOT INSERTED`… at start-up or after a SIM change.
    case pinStatus(PINStatus)
    /// `+CUSD:` after `AT+CUSD=1,…` or network-initiated.
    case ussd(USSDResponse)
    /// `RDY`: the module has booted (SIMCom, Quectel).
    case moduleReady
    /// `SMS Ready` / `SMS DONE` / `+QIND: SMS DONE`: the SMS stack is initialised.
    case smsReady
    /// `Call Ready` / `PB DONE` / `+QIND: PB DONE`.
    case callReady
    /// `^SIMST: <n>` (Huawei SIM state: 0 invalid, 1 valid, 255 not present).
    case simState(Int)
    /// Other `+QIND:` indications (Quectel), fields as sent.
    case quectelIndication([ATField])
    /// `+CFUN: <fun>` (27.007 §8.2; Quectel and SIMCom print `+CFUN: 1` at start-up).
    case functionality(Int)
    /// `+QUSIM: <n>` (Quectel start-up: 1 when the SIM is a USIM).
    case quectelUSIM(Int)
    /// `^SRVST: <srv_status>` (Huawei service state: 0 none, 1 restricted, 2 valid, …).
    case serviceState(Int)
    /// `^RSSI: <rssi>` (Huawei, 0…31, 99 not known) or `+CSQ: <rssi>,<ber>` sent unsolicited
    /// (SIMCom `AT+AUTOCSQ`, Quectel `+QINDCFG="csq"`): the signal, as `AT+CSQ` reports it.
    case signal(SignalQuality)
    /// `^MODE: <sys_mode>[,<sys_submode>]` (Huawei system mode change), fields as sent.
    case systemMode([ATField])
    /// `RING`, `+CRING: <type>`: an incoming call (to reject, this box only does SMS).
    case ring(String?)
    /// A final result code with no command pending (e.g. after a timed-out command).
    case strayResult(ATFinalResult)
    /// A line of no known form, or an information line with no command pending.
    case unrecognized(String)
}
