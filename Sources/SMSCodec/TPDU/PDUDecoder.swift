/// A TPDU of one of the kinds a modem hands over (3GPP TS 23.040 §9.2.2).
public enum TPDU: Sendable, Hashable {
    case deliver(SMSDeliver)
    case submit(SMSSubmit)
    case statusReport(SMSStatusReport)
}

/// A PDU as +CMGR / +CMT / +CDS give it: the service centre address (when present) and the
/// TPDU (3GPP TS 27.005 §3.1 <pdu>).
public struct SMSPDU: Sendable, Hashable {
    /// nil when absent, or when its length octet is 0 (the SIM's SMSC).
    public var serviceCentre: SMSAddress?
    public var tpdu: TPDU
}

/// Decodes PDUs received from a modem. Never traps: malformed input throws an
/// `SMSDecodingError` naming the field.
public enum PDUDecoder {
    /// Decodes `octets`. `includesServiceCentre` says whether they start with the SMSC
    /// address, as +CMGR gives them; TP-MTI decides the kind (00 deliver, 01 submit,
    /// 10 status report, as seen by a mobile station).
    public static func decode(_ octets: [UInt8], includesServiceCentre: Bool = true) throws(SMSDecodingError) -> SMSPDU {
        var reader = OctetReader(octets)
        let serviceCentre = includesServiceCentre ? try SMSAddress.readServiceCentre(&reader) : nil
        let firstOffset = reader.position
        let firstOctet = try reader.octet(.firstOctet)
        let tpdu: TPDU
        switch firstOctet & 0x03 {
        case 0: tpdu = .deliver(try SMSDeliver.read(&reader, firstOctet: firstOctet))
        case 1: tpdu = .submit(try SMSSubmit.read(&reader, firstOctet: firstOctet))
        case 2: tpdu = .statusReport(try SMSStatusReport.read(&reader, firstOctet: firstOctet))
        default: throw SMSDecodingError(.firstOctet, .unsupportedValue(firstOctet), at: firstOffset)
        }
        return SMSPDU(serviceCentre: serviceCentre, tpdu: tpdu)
    }

    /// Decodes hexadecimal text.
    public static func decode(hex: String, includesServiceCentre: Bool = true) throws(SMSDecodingError) -> SMSPDU {
        try decode(Hex.decode(hex), includesServiceCentre: includesServiceCentre)
    }
}
