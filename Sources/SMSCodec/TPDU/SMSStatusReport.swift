/// An SMS-STATUS-REPORT: what became of a submitted message (3GPP TS 23.040 §9.2.2.3).
public struct SMSStatusReport: Sendable, Hashable {
    /// TP-MMS clear: the SC has more messages waiting for this MS.
    public var moreMessagesToSend: Bool
    /// TP-SRQ: the report answers an SMS-COMMAND (true) or an SMS-SUBMIT (false).
    public var answersCommand: Bool
    /// TP-MR of the submitted message this report is about.
    public var messageReference: UInt8
    /// TP-RA: the recipient of that message.
    public var recipient: SMSAddress
    /// TP-SCTS: when the SC received the message.
    public var serviceCentreTimeStamp: SMSTimeStamp
    /// TP-DT: when the SC delivered it, or tried last, or gave up.
    public var dischargeTime: SMSTimeStamp
    /// TP-ST.
    public var status: DeliveryStatus
    /// Optional parameters TP-PI announces (§9.2.3.27).
    public var protocolIdentifier: UInt8?
    public var dataCoding: DataCodingScheme?
    public var userData: UserData?

    static func read(_ reader: inout OctetReader, firstOctet: UInt8) throws(SMSDecodingError) -> SMSStatusReport {
        let reference = try reader.octet(.messageReference)
        let recipient = try SMSAddress.readTPDUAddress(&reader, .recipientAddress)
        let stamp = try SMSTimeStamp.read(&reader, .serviceCentreTimeStamp)
        let discharge = try SMSTimeStamp.read(&reader, .dischargeTime)
        let status = DeliveryStatus(code: try reader.octet(.status))
        var report = SMSStatusReport(
            moreMessagesToSend: firstOctet & 0x04 == 0, answersCommand: firstOctet & 0x20 != 0,
            messageReference: reference, recipient: recipient, serviceCentreTimeStamp: stamp,
            dischargeTime: discharge, status: status
        )
        guard reader.remaining > 0 else { return report }
        var indicator = try reader.octet(.parameterIndicator)
        let parameters = indicator
        // Reserved bits 6..3 set: not a TP-PI but padding (service centres pad with 0xFF,
        // gammu's at-sms/32.dump); the optional parameters are absent (§9.2.3.27).
        guard parameters & 0x78 == 0 else {
            _ = reader.rest()
            return report
        }
        while indicator & 0x80 != 0 {  // TP-PI extension octets: none defined yet, skipped
            indicator = try reader.octet(.parameterIndicator)
        }
        if parameters & 0x01 != 0 { report.protocolIdentifier = try reader.octet(.protocolIdentifier) }
        let coding = parameters & 0x02 != 0 ? DataCodingScheme(rawValue: try reader.octet(.dataCodingScheme)) : nil
        report.dataCoding = coding
        if parameters & 0x04 != 0 {
            report.userData = try UserData.read(
                &reader, coding: coding ?? DataCodingScheme(rawValue: 0), hasHeader: firstOctet & 0x40 != 0
            )
        }
        return report
    }

    init(
        moreMessagesToSend: Bool, answersCommand: Bool, messageReference: UInt8, recipient: SMSAddress,
        serviceCentreTimeStamp: SMSTimeStamp, dischargeTime: SMSTimeStamp, status: DeliveryStatus
    ) {
        self.moreMessagesToSend = moreMessagesToSend
        self.answersCommand = answersCommand
        self.messageReference = messageReference
        self.recipient = recipient
        self.serviceCentreTimeStamp = serviceCentreTimeStamp
        self.dischargeTime = dischargeTime
        self.status = status
    }
}
