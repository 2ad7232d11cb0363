import GatewayCore
import SMSCodec

/// What a PDU handed over by the modem holds, decoded (3GPP TS 23.040 §9.2.2.1 SMS-DELIVER,
/// §9.2.2.3 SMS-STATUS-REPORT), in the shape the store keeps.
public enum ReceivedContent: Sendable, Hashable {
    case message(InboundMessagePart)
    case statusReport(ReceivedStatusReport)

    /// Decodes `received`. Modems put the SMSC address first (27.005 §3.1 `<pdu>`); a PDU that
    /// does not decode that way is tried without it, as a few modules omit it in `+CDS`.
    public static func decode(_ received: ReceivedPDU) throws(SMSDecodingError) -> ReceivedContent {
        let pdu: SMSPDU
        do {
            pdu = try PDUDecoder.decode(received.pdu, includesServiceCentre: true)
        } catch {
            guard let bare = try? PDUDecoder.decode(received.pdu, includesServiceCentre: false) else { throw error }
            pdu = bare
        }
        switch pdu.tpdu {
        case .deliver(let deliver):
            let concatenation = deliver.userData.header?.concatenation.map {
                InboundMessagePart.Concatenation(reference: Int($0.reference), total: Int($0.total), sequence: Int($0.sequence))
            }
            return .message(InboundMessagePart(
                originator: deliver.originator.displayString, concatenation: concatenation,
                pduHex: Hex.encode(received.pdu), text: deliver.userData.text ?? Hex.encode(deliver.userData.body),
                serviceCentreTime: deliver.serviceCentreTimeStamp.timestamp))
        case .statusReport(let report):
            return .statusReport(ReceivedStatusReport(
                messageReference: report.messageReference, recipient: report.recipient.displayString,
                serviceCentreTime: report.serviceCentreTimeStamp.timestamp, dischargeTime: report.dischargeTime.timestamp,
                status: report.status.code))
        case .submit:
            throw SMSDecodingError(.firstOctet, .unsupportedValue(1), at: 0)
        }
    }
}

/// One received SMS-DELIVER: one part of a message, concatenated or not (§9.2.3.24.1).
public struct InboundMessagePart: Sendable, Hashable {
    public struct Concatenation: Sendable, Hashable {
        public var reference: Int
        public var total: Int
        public var sequence: Int
    }

    /// TP-OA, `+` first for an international number.
    public var originator: String
    public var concatenation: Concatenation?
    /// The PDU as read, uppercase hex.
    public var pduHex: String
    /// This part's text (hex of the octets for 8-bit data).
    public var text: String
    /// TP-SCTS.
    public var serviceCentreTime: Timestamp
}

/// One SMS-STATUS-REPORT (§9.2.2.3).
public struct ReceivedStatusReport: Sendable, Hashable {
    /// TP-MR of the SMS-SUBMIT reported on (§9.2.3.6).
    public var messageReference: UInt8
    /// TP-RA (§9.2.3.14).
    public var recipient: String
    /// TP-SCTS (§9.2.3.11).
    public var serviceCentreTime: Timestamp
    /// TP-DT (§9.2.3.13).
    public var dischargeTime: Timestamp
    /// TP-ST (§9.2.3.15).
    public var status: UInt8
}

extension SMSTimeStamp {
    /// The instant this local time and UTC offset name (§9.2.3.11).
    var timestamp: Timestamp {
        let days = CivilDate(year: Int64(year), month: Int64(month), day: Int64(day)).daysSince1970
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetQuarterHours * 15 * 60)
        return Timestamp(secondsSince1970: seconds)
    }
}
