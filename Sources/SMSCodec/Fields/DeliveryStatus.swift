/// TP-ST of an SMS-STATUS-REPORT, typed (3GPP TS 23.040 §9.2.3.15).
public struct DeliveryStatus: Sendable, Hashable {
    /// What the status means for the message (bits 6..5 of TP-ST).
    public enum Outcome: String, Sendable, Hashable {
        /// 0x00-0x1F: short message transaction completed (delivered, forwarded or replaced).
        case delivered
        /// 0x20-0x3F: temporary error, the SC is still trying: not final.
        case temporaryFailureRetrying = "temporary-failure-retrying"
        /// 0x40-0x5F: permanent error, the SC is not making any more transfer attempts.
        case permanentFailure = "permanent-failure"
        /// 0x60-0x7F: temporary error, the SC is not making any more transfer attempts.
        case temporaryFailureFinal = "temporary-failure-final"
        /// 0x80-0xFF: bit 7 is reserved; treated as a final failure.
        case reserved
    }

    public var code: UInt8

    public init(code: UInt8) { self.code = code }

    public var outcome: Outcome {
        if code & 0x80 != 0 { return .reserved }
        switch code >> 5 {
        case 0: return .delivered
        case 1: return .temporaryFailureRetrying
        case 2: return .permanentFailure
        default: return .temporaryFailureFinal
        }
    }

    /// True when the SC has finished with the message (delivered or given up).
    public var isFinal: Bool { outcome != .temporaryFailureRetrying }

    /// The meaning §9.2.3.15 gives the code.
    public var meaning: String {
        if code & 0x80 != 0 { return "reserved" }
        let detail = code & 0x1F
        switch code >> 5 {
        case 0:
            switch code {
            case 0x00: return "short message received by the SME"
            case 0x01: return "short message forwarded by the SC to the SME but the SC is unable to confirm delivery"
            case 0x02: return "short message replaced by the SC"
            case 0x03...0x0F: return "reserved (transaction completed)"
            default: return "SC specific (transaction completed)"
            }
        case 1, 3:
            return Self.temporaryMeanings[Int(detail)] ?? (detail < 0x10 ? "reserved (temporary error)" : "SC specific (temporary error)")
        default:
            return Self.permanentMeanings[Int(detail)] ?? (detail < 0x10 ? "reserved (permanent error)" : "SC specific (permanent error)")
        }
    }

    private static let temporaryMeanings: [Int: String] = [
        0: "congestion", 1: "SME busy", 2: "no response from SME", 3: "service rejected",
        4: "quality of service not available", 5: "error in SME",
    ]

    private static let permanentMeanings: [Int: String] = [
        0: "remote procedure error", 1: "incompatible destination", 2: "connection rejected by SME",
        3: "not obtainable", 4: "quality of service not available", 5: "no interworking available",
        6: "SM validity period expired", 7: "SM deleted by originating SME",
        8: "SM deleted by SC administration", 9: "SM does not exist",
    ]
}
