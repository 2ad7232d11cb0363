import GatewayCore
import SMPPCodec

/// Timestamps as SMPP 3.4 absolute times (§7.1.1.1, "YYMMDDhhmmsstnn+"), written in UTC
/// (offset 00, "+") so no time zone is needed.
enum UTCTime {
    /// `time` in UTC to the tenth of a second. Civil date from days since 1970-01-01 by the
    /// proleptic Gregorian calendar (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    static func absolute(_ time: Timestamp) -> SMPPTime.Absolute {
        let milliseconds = time.millisecondsSince1970
        let days = floorDivide(milliseconds, 86_400_000)
        let inDay = milliseconds - days * 86_400_000
        let era = floorDivide(days + 719_468, 146_097)
        let dayOfEra = days + 719_468 - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return SMPPTime.Absolute(
            year: UInt8(((year % 100) + 100) % 100), month: UInt8(month), day: UInt8(day),
            hour: UInt8(inDay / 3_600_000), minute: UInt8(inDay / 60_000 % 60), second: UInt8(inDay / 1_000 % 60),
            tenths: UInt8(inDay / 100 % 10), quarterHours: 0, isAheadOfUTC: true)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
