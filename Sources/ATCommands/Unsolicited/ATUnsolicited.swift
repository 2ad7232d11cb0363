/// An unsolicited result code (3GPP TS 27.005 §3.4.1, 27.007 §7.2/§8.3/§7.15, and the
/// start-up banners of SIMCom and Quectel modules), or a line that came while no command
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
    /// `Call Ready` / `+QIND: PB DONE`.
    case callReady
    /// `^SIMST: <n>` (Huawei SIM state: 0 invalid, 1 valid, 255 not present).
    case simState(Int)
    /// Other `+QIND:` indications (Quectel), fields as sent.
    case quectelIndication([ATField])
    /// `RING`, `+CRING: <type>`: an incoming call (to reject, this box only does SMS).
    case ring(String?)
    /// A final result code with no command pending (e.g. after a timed-out command).
    case strayResult(ATFinalResult)
    /// A line of no known form, or an information line with no command pending.
    case unrecognized(String)
}
