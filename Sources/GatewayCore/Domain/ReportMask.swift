/// Which outcomes of a message upstream wants a delivery report for: SMPP 3.4
/// registered_delivery (§5.2.17) and Kannel's dlr-mask, in one set the store keeps per message.
public struct ReportMask: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Final: the handset has it (status report TP-ST 0x00-0x1F).
    public static let delivered = ReportMask(rawValue: 1)
    /// Final: failed, expired, rejected or cancelled.
    public static let failed = ReportMask(rawValue: 2)
    /// Intermediate: the SMSC accepted the submit (`+CMGS`), not yet delivered.
    public static let sent = ReportMask(rawValue: 4)

    /// The final outcomes, what a plain "yes, report" asks for.
    public static let final: ReportMask = [.delivered, .failed]
    /// Every bit the store accepts.
    public static let all: ReportMask = [.delivered, .failed, .sent]

    /// SMPP 3.4 §5.2.17: bits 1-0 are the SMSC delivery receipt (01 success and failure, 10
    /// failure only, 11 reserved: read as none); bit 4 asks for intermediate notification.
    /// Bits 3-2 (SME originated acknowledgements) have no meaning on a modem gateway.
    public init(smppRegisteredDelivery value: UInt8) {
        var mask: ReportMask = switch value & 0x03 {
        case 0x01: .final
        case 0x02: .failed
        default: []
        }
        if value & 0x10 != 0 { mask.insert(.sent) }
        self = mask
    }

    /// Kannel's dlr-mask (user guide, "sendsms"): 1 delivered, 2 undelivered, 4 buffered (no
    /// equivalent here: ignored), 8 SMSC submit (→ sent), 16 SMSC reject (→ failed).
    public init(kannelDLRMask value: Int) {
        var mask: ReportMask = []
        if value & 1 != 0 { mask.insert(.delivered) }
        if value & (2 | 16) != 0 { mask.insert(.failed) }
        if value & 8 != 0 { mask.insert(.sent) }
        self = mask
    }

    /// Whether a message that became `state` gets a report.
    public func wants(_ state: MessageState) -> Bool {
        switch state {
        case .delivered: contains(.delivered)
        case .failed, .expired, .cancelled: contains(.failed)
        case .sent: contains(.sent)
        default: false
        }
    }
}
