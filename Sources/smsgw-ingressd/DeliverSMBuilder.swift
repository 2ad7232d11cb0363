import GatewayCore
import GatewayStore
import SMPPCodec
import SMSCodec

/// Builds the deliver_sm (SMPP 3.4 §4.6.1) that carries a DLR or an MO to a bound receiver.
/// Pure.
enum DeliverSMBuilder {
    /// A delivery receipt: esm_class 0x04 (§5.2.12, "SMSC Delivery Receipt"), the Appendix B text
    /// in short_message, and the TLVs receipted_message_id (§5.3.2.12), message_state (§5.3.2.35)
    /// and, when a status report settled it, network_error_code (§5.3.2.31: GSM, TP-Status).
    /// Its id is the one the submit it reports on was answered with: the message's, or the
    /// part's own when the ESME split the message itself (`DeliveryReportPayload.reportedID`).
    static func receipt(_ report: DeliveryReportPayload, facts: ReceiptFacts?) -> DeliverSM {
        let stat = stat(of: report.state)
        let receipt = DeliveryReceipt(
            messageID: report.reportedID, submitted: 1, delivered: report.state == .delivered ? 1 : 0,
            submitDate: (facts?.submittedAt ?? report.at).millisecondsSince1970 / 1000,
            doneDate: report.at.millisecondsSince1970 / 1000, stat: stat, error: facts?.reportStatus ?? 0,
            text: facts?.text ?? "")
        var tlvs = TLVList()
        tlvs.receiptedMessageID = report.reportedID
        tlvs.messageState = stat.messageState
        if let status = facts?.reportStatus {
            tlvs.networkErrorCode = NetworkErrorCode(networkType: 3, code: UInt16(truncatingIfNeeded: status))
        }
        // The receipt comes from the handset the message went to, back to its sender.
        return DeliverSM(source: address(facts?.destination ?? ""), destination: address(facts?.source ?? ""),
                         shortMessage: receipt.shortMessage, dataCoding: 0, esmClass: 0x04, tlvs: tlvs)
    }

    /// Appendix B stat of a message state: `sent` is the intermediate ACCEPTD (§5.2.17 bit 4).
    static func stat(of state: GatewayCore.MessageState) -> DeliveryReceipt.Stat {
        switch state {
        case .delivered: .delivered
        case .failed: .undeliverable
        case .expired: .expired
        case .cancelled: .deleted
        case .sent, .accepted, .queued, .sending, .held: .accepted
        case .unknown: .unknown
        }
    }

    /// An MO: originator → the SIM's MSISDN (its ICCID when the number is unknown), data_coding 0
    /// (GSM 03.38 unpacked, one septet per octet) when every character has a septet, else 8
    /// (UCS-2); more than 254 octets go in message_payload (§5.3.2.32) with short_message empty.
    static func mobileOriginated(_ mo: InboundPayload) -> DeliverSM {
        let (octets, dataCoding) = encode(mo.text)
        var deliver = DeliverSM(source: address(mo.originator), destination: address(mo.msisdn ?? mo.iccid ?? ""),
                                shortMessage: [], dataCoding: dataCoding)
        if octets.count > 254 { deliver.tlvs.messagePayload = octets } else { deliver.shortMessage = octets }
        return deliver
    }

    static func encode(_ text: String) -> (octets: [UInt8], dataCoding: UInt8) {
        var septets: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard let encoded = GSM7Alphabet.septets(for: scalar) else {
                return (UCS2.octets(of: text.utf16), 8)
            }
            septets += encoded
        }
        return (septets, 0)
    }

    /// "+4915…" → TON international, NPI ISDN, digits; digits → unknown/ISDN; else alphanumeric.
    static func address(_ text: String) -> SMEAddress {
        if text.hasPrefix("+") { return SMEAddress(ton: .international, npi: .isdn, address: String(text.dropFirst().prefix(20))) }
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { return SMEAddress(ton: .unknown, npi: .isdn, address: String(text.prefix(20))) }
        return SMEAddress(ton: .alphanumeric, npi: .unknown, address: String(text.prefix(20)))
    }
}
