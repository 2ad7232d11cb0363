import GatewayCore
import SMPPCodec

/// Timestamps as SMPP 3.4 absolute times (§7.1.1.1, "YYMMDDhhmmsstnn+"), written in UTC
/// (offset 00, "+") so no time zone is needed.
enum UTCTime {
    /// `time` in UTC to the tenth of a second.
    static func absolute(_ time: Timestamp) -> SMPPTime.Absolute {
        let utc = CivilDateTime(utc: time)
        return SMPPTime.Absolute(
            year: UInt8((utc.date.year % 100 + 100) % 100), month: UInt8(utc.date.month), day: UInt8(utc.date.day),
            hour: UInt8(utc.hour), minute: UInt8(utc.minute), second: UInt8(utc.second),
            tenths: UInt8(utc.millisecond / 100), quarterHours: 0, isAheadOfUTC: true)
    }
}
