/// TP-VP of an SMS-SUBMIT (3GPP TS 23.040 §9.2.3.12), in the format TP-VPF names.
public enum ValidityPeriod: Sendable, Hashable {
    /// One octet (§9.2.3.12.1).
    case relative(UInt8)
    /// A time stamp (§9.2.3.12.2).
    case absolute(SMSTimeStamp)
    /// Seven octets of the enhanced format (§9.2.3.12.3), kept raw.
    case enhanced([UInt8])

    /// The relative period lasting at least `minutes` (rounded up to the next step the
    /// format has: 5 minutes up to 12 h, 30 minutes up to 24 h, days up to 30 days, weeks up
    /// to 63 weeks; longer asks are capped at 63 weeks).
    public static func relative(minutes: Int) throws(SMSEncodingError) -> ValidityPeriod {
        guard minutes > 0 else { throw SMSEncodingError(.validityPeriod, .outOfRange(minutes)) }
        let day = 24 * 60
        let value: Int
        switch minutes {
        case ...(12 * 60): value = (minutes + 4) / 5 - 1
        case ...day: value = 143 + (minutes - 12 * 60 + 29) / 30
        case ...(30 * day): value = 166 + max(2, (minutes + day - 1) / day)
        default: value = min(255, 192 + max(5, (minutes + 7 * day - 1) / (7 * day)))
        }
        return .relative(UInt8(value))
    }

    /// Minutes a relative value stands for (§9.2.3.12.1); nil for the other formats.
    public var minutes: Int? {
        guard case let .relative(octet) = self else { return nil }
        let value = Int(octet)
        switch value {
        case 0...143: return (value + 1) * 5
        case 144...167: return 12 * 60 + (value - 143) * 30
        case 168...196: return (value - 166) * 24 * 60
        default: return (value - 192) * 7 * 24 * 60
        }
    }

    /// TP-VPF, bits 4..3 of the first octet of an SMS-SUBMIT.
    var formatBits: UInt8 {
        switch self {
        case .relative: return 0x10
        case .enhanced: return 0x08
        case .absolute: return 0x18
        }
    }

    var octets: [UInt8] {
        switch self {
        case let .relative(value): return [value]
        case let .absolute(stamp): return stamp.octets
        case let .enhanced(octets): return octets
        }
    }
}
