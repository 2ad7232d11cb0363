import SMSCodec

/// Builds an SMS-STATUS-REPORT TPDU (3GPP TS 23.040 §9.2.2.3): what became of the submitted
/// message with TP-MR `reference` to `recipient`.
enum StatusReportBuilder {
    static func tpdu(reference: UInt8, recipient: SMSAddress, submitted: SMSTimeStamp, discharged: SMSTimeStamp, status: UInt8) -> [UInt8] {
        // TP-MTI 10, TP-MMS set (no more messages), TP-SRQ clear: the report answers a SUBMIT.
        [0x06, reference] + recipient.tpduOctets() + submitted.octets + discharged.octets + [status]
    }

    /// TP-ST values (§9.2.3.15) for the outcomes the simulator produces.
    enum Outcome: String, Sendable, CaseIterable {
        case delivered
        case failed
        case expired

        var status: UInt8 {
            switch self {
            case .delivered: 0x00  // short message received by the SME
            case .failed: 0x41  // permanent error: incompatible destination
            case .expired: 0x46  // permanent error: SM validity period expired
            }
        }
    }
}
