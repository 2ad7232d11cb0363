/// An SMS-DELIVER: a short message from the service centre (3GPP TS 23.040 §9.2.2.1).
public struct SMSDeliver: Sendable, Hashable {
    /// TP-MMS clear: the SC has more messages waiting for this MS.
    public var moreMessagesToSend: Bool
    /// TP-SRI: the sender asked for a status report.
    public var statusReportIndication: Bool
    /// TP-RP: a reply path is set.
    public var replyPath: Bool
    /// TP-OA.
    public var originator: SMSAddress
    /// TP-PID.
    public var protocolIdentifier: UInt8
    /// TP-DCS.
    public var dataCoding: DataCodingScheme
    /// TP-SCTS.
    public var serviceCentreTimeStamp: SMSTimeStamp
    public var userData: UserData

    static func read(_ reader: inout OctetReader, firstOctet: UInt8) throws(SMSDecodingError) -> SMSDeliver {
        let originator = try SMSAddress.readTPDUAddress(&reader, .originatingAddress)
        let protocolIdentifier = try reader.octet(.protocolIdentifier)
        let coding = DataCodingScheme(rawValue: try reader.octet(.dataCodingScheme))
        let stamp = try SMSTimeStamp.read(&reader, .serviceCentreTimeStamp)
        let userData = try UserData.read(&reader, coding: coding, hasHeader: firstOctet & 0x40 != 0)
        return SMSDeliver(
            moreMessagesToSend: firstOctet & 0x04 == 0, statusReportIndication: firstOctet & 0x20 != 0,
            replyPath: firstOctet & 0x80 != 0, originator: originator, protocolIdentifier: protocolIdentifier,
            dataCoding: coding, serviceCentreTimeStamp: stamp, userData: userData
        )
    }
}
