import ATCommands

/// What the DTE set on the module since power-on (ITU-T V.250 and 3GPP TS 27.005/27.007
/// defaults); `ATZ`, `AT&F` and a power cycle bring them back.
struct ModemSettings: Sendable, Hashable {
    /// `ATE` (V.250 §6.2.4): modules power on echoing.
    var echo = true
    /// `AT+CMEE` (27.007 §9.1).
    var errorMode = 0
    /// `AT+CMGF` (27.005 §3.2.3).
    var format = MessageFormat.pdu
    /// `AT+CNMI` (27.005 §3.4.1).
    var indications = NewMessageIndication(mode: 0, deliver: 0, statusReport: 0)
    /// `AT+CREG=<n>` and `AT+CEREG=<n>` (27.007 §7.2, §10.1.22).
    var registrationReporting = 0
    var epsRegistrationReporting = 0
    /// `AT+COPS=3,<format>` (27.007 §7.3).
    var operatorFormat = 0
    /// `AT+CFUN` (27.007 §8.2).
    var functionality = 1
    /// `AT+CSCS` (27.007 §5.5).
    var characterSet = "IRA"
    /// `AT+CSCA="…"` (27.005 §3.3.1); nil: the SIM's.
    var serviceCentre: String?
    /// `AT+CSMP` first octet (27.005 §3.3.2): 17 = SMS-SUBMIT with relative validity, no report.
    var textFirstOctet = 17
    /// `AT+CPMS` mem1, mem2, mem3 (27.005 §3.2.2).
    var storages = ["SM", "SM", "SM"]
    /// `AT+CSMS` (27.005 §3.2.1).
    var messageService = 0
}
