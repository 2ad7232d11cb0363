/// What to send: a text to one destination and the SMS-SUBMIT options (3GPP TS 23.040
/// §9.2.2.2).
public struct SubmitRequest: Sendable, Hashable {
    public var destination: SMSAddress
    public var text: String
    public var encoding: SMSEncodingChoice
    /// Message class 0...3 in TP-DCS; class 0 is a flash message (3GPP TS 23.038 §4).
    public var messageClass: Int?
    /// TP-VP; nil leaves it out (TP-VPF 00: the SC's default).
    public var validityPeriod: ValidityPeriod?
    /// TP-SRR.
    public var requestStatusReport: Bool
    /// TP-RD.
    public var rejectDuplicates: Bool
    /// TP-PID (0: plain short message).
    public var protocolIdentifier: UInt8
    /// The SMSC address put before the TPDU; nil writes "00", the SIM's SMSC (3GPP TS
    /// 27.005 §3.1).
    public var serviceCentre: SMSAddress?
    public var referenceSize: ConcatenationReferenceSize
    /// Languages whose national shift tables (3GPP TS 23.038 annex A) the planner may use
    /// instead of UCS-2; empty: never.
    public var nationalLanguages: Set<NationalLanguage>

    public init(
        destination: SMSAddress, text: String, encoding: SMSEncodingChoice = .automatic,
        messageClass: Int? = nil, validityPeriod: ValidityPeriod? = nil, requestStatusReport: Bool = false,
        rejectDuplicates: Bool = false, protocolIdentifier: UInt8 = 0, serviceCentre: SMSAddress? = nil,
        referenceSize: ConcatenationReferenceSize = .eightBit, nationalLanguages: Set<NationalLanguage> = []
    ) {
        self.destination = destination
        self.text = text
        self.encoding = encoding
        self.messageClass = messageClass
        self.validityPeriod = validityPeriod
        self.requestStatusReport = requestStatusReport
        self.rejectDuplicates = rejectDuplicates
        self.protocolIdentifier = protocolIdentifier
        self.serviceCentre = serviceCentre
        self.referenceSize = referenceSize
        self.nationalLanguages = nationalLanguages
    }
}

/// One SMS-SUBMIT ready for AT+CMGS in PDU mode.
public struct SubmitPart: Sendable, Hashable {
    /// The characters this part carries.
    public var text: String
    /// Septets or UCS-2 units of the text (header not included).
    public var unitCount: Int
    /// TP-MR written into this part.
    public var messageReference: UInt8
    /// The SMSC address field followed by the TPDU.
    public var octets: [UInt8]
    /// Octets of the TPDU alone: the <length> of AT+CMGS (3GPP TS 27.005 §3.5.1).
    public var tpduLength: Int

    /// The PDU as AT+CMGS takes it after the prompt.
    public var hex: String { Hex.encode(octets) }

    /// The TPDU alone, without the SMSC address field: what the store keeps per part (the
    /// modem supervisor puts the SIM's SMSC, `00`, in front when it sends).
    public var tpduHex: String { Hex.encode(Array(octets.suffix(tpduLength))) }
}

/// A whole message encoded: the plan it follows and one SMS-SUBMIT per part.
public struct EncodedSubmit: Sendable, Hashable {
    public var plan: SMSPlan
    public var parts: [SubmitPart]
}
