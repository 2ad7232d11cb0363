/// What a status report's TP-Status says about a part (3GPP TS 23.040 §9.2.3.15).
public enum DeliveryOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// 0x00-0x1F: short message transaction completed (delivered, or replaced).
    case delivered
    /// 0x20-0x3F: temporary error, the SC is still trying: not final.
    case stillTrying
    /// 0x40-0x7F (and reserved values): permanent error, or temporary error the SC gave up on.
    case failed

    /// Classifies a TP-ST octet. Values 0x80-0xFF are reserved; the spec says to treat reserved
    /// values as "service rejected" (a permanent error), so they map to `failed`.
    public init(tpStatus: UInt8) {
        switch tpStatus {
        case 0x00...0x1F: self = .delivered
        case 0x20...0x3F: self = .stillTrying
        default: self = .failed
        }
    }
}
