/// The instant an SMPP time names (SMPP 3.4 §7.1.1), as milliseconds since 1970-01-01 UTC.
/// Pure calendar arithmetic (proleptic Gregorian, UTC): no clock, no time zone database.
extension SMPPTime {
    /// The instant this time names when the SMSC received the message at `receivedAt`
    /// (milliseconds since 1970, UTC).
    ///
    /// - Absolute (§7.1.1.1): "YY" is 20YY (the format cannot say more); the local time minus
    ///   its offset ("nn" quarter hours, `+` ahead of UTC) is UTC; tenths count. A day that the
    ///   month does not have (31 April, 29 February 2025) is an error.
    /// - Relative (§7.1.1.2): years and months are calendar steps from the receipt time (as
    ///   C's `mktime` normalises them: 31 January + 1 month is 3 March), then days, hours,
    ///   minutes and seconds are added as fixed lengths.
    public func instant(receivedAt: Int64) throws(SMPPTimeError) -> Int64 {
        switch self {
        case .absolute(let time):
            let year = 2000 + Int64(time.year)
            guard Int64(time.day) <= CivilCalendar.daysIn(month: Int64(time.month), year: year) else {
                throw SMPPTimeError(reason: .outOfRange(.day))
            }
            let days = CivilCalendar.days(year: year, month: Int64(time.month), day: Int64(time.day))
            let seconds = days * 86_400 + Int64(time.hour) * 3600 + Int64(time.minute) * 60 + Int64(time.second)
                - Int64(time.utcOffsetMinutes) * 60
            return seconds * 1000 + Int64(time.tenths) * 100
        case .relative(let interval):
            let received = CivilCalendar.civil(fromMilliseconds: receivedAt)
            let monthIndex = received.year * 12 + (received.month - 1) + Int64(interval.years) * 12 + Int64(interval.months)
            let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
            let month = monthIndex - year * 12 + 1
            // Day overflow rolls into the next month, as mktime does.
            let days = CivilCalendar.days(year: year, month: month, day: 1) + received.day - 1 + Int64(interval.days)
            let seconds = Int64(interval.hours) * 3600 + Int64(interval.minutes) * 60 + Int64(interval.seconds)
            return (days * 86_400 + seconds) * 1000 + received.millisecondOfDay
        }
    }
}

/// Days and dates of the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`
/// and `civil_from_days`, public domain).
enum CivilCalendar {
    /// Days from 1970-01-01 to `year`-`month`-`day` (negative before).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The UTC date of an instant and the milliseconds since its midnight.
    static func civil(fromMilliseconds milliseconds: Int64) -> (year: Int64, month: Int64, day: Int64, millisecondOfDay: Int64) {
        let dayMilliseconds: Int64 = 86_400_000
        var days = milliseconds / dayMilliseconds
        var rest = milliseconds % dayMilliseconds
        if rest < 0 {
            days -= 1
            rest += dayMilliseconds
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day, rest)
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
