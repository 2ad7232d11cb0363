import GatewayCore

/// The windows SIM limits count in (per hour, day, month). `start(containing:)` draws them in
/// UTC; callers with a local calendar pass their own starts (`SimCounterWindows`).
public enum SimCounterPeriod: String, Sendable, Hashable, CaseIterable {
    case hour
    case day
    case month

    /// The start of the window of this period that holds `time`.
    public func start(containing time: Timestamp) -> Timestamp {
        let hourMs: Int64 = 3_600_000, dayMs: Int64 = 86_400_000
        let ms = time.millisecondsSince1970
        switch self {
        case .hour:
            return Timestamp(millisecondsSince1970: Self.floor(ms, hourMs) * hourMs)
        case .day:
            return Timestamp(millisecondsSince1970: Self.floor(ms, dayMs) * dayMs)
        case .month:
            let days = Self.floor(ms, dayMs)
            let (year, month) = Self.civil(fromDays: days)
            return Timestamp(millisecondsSince1970: Self.days(year: year, month: month, day: 1) * dayMs)
        }
    }

    private static func floor(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// Year and month of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's
    /// civil_from_days).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64) {
        let z = days + 719_468
        let era = floor(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month)
    }

    /// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floor(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
