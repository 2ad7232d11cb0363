/// An SMS-SUBMIT as decoded: a short message to the service centre (3GPP TS 23.040 §9.2.2.2).
public struct SMSSubmit: Sendable, Hashable {
    /// TP-RD: the SC is to reject a duplicate (same TP-MR and TP-DA) still held.
    public var rejectDuplicates: Bool
    /// TP-SRR: a status report is requested.
    public var statusReportRequest: Bool
    /// TP-RP.
    public var replyPath: Bool
    /// TP-MR.
    public var messageReference: UInt8
    /// TP-DA.
    public var destination: SMSAddress
    /// TP-PID.
    public var protocolIdentifier: UInt8
    /// TP-DCS.
    public var dataCoding: DataCodingScheme
    /// TP-VP in the format TP-VPF names, nil when absent.
    public var validityPeriod: ValidityPeriod?
    public var userData: UserData

    static func read(_ reader: inout OctetReader, firstOctet: UInt8) throws(SMSDecodingError) -> SMSSubmit {
        let reference = try reader.octet(.messageReference)
        let destination = try SMSAddress.readTPDUAddress(&reader, .destinationAddress)
        let protocolIdentifier = try reader.octet(.protocolIdentifier)
        let coding = DataCodingScheme(rawValue: try reader.octet(.dataCodingScheme))
        let validity: ValidityPeriod?
        switch (firstOctet >> 3) & 0x03 {
        case 0: validity = nil
        case 2: validity = .relative(try reader.octet(.validityPeriod))
        case 1: validity = .enhanced(Array(try reader.octets(7, .validityPeriod)))
        default: validity = .absolute(try SMSTimeStamp.read(&reader, .validityPeriod))
        }
        let userData = try UserData.read(&reader, coding: coding, hasHeader: firstOctet & 0x40 != 0)
        return SMSSubmit(
            rejectDuplicates: firstOctet & 0x04 != 0, statusReportRequest: firstOctet & 0x20 != 0,
            replyPath: firstOctet & 0x80 != 0, messageReference: reference, destination: destination,
            protocolIdentifier: protocolIdentifier, dataCoding: coding, validityPeriod: validity, userData: userData
        )
    }
}
