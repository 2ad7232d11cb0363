import GatewayTime

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
            guard Int64(time.day) <= CivilDate.daysIn(month: Int64(time.month), year: year) else {
                throw SMPPTimeError(reason: .outOfRange(.day))
            }
            let days = CivilDate(year: year, month: Int64(time.month), day: Int64(time.day)).daysSince1970
            let seconds = days * 86_400 + Int64(time.hour) * 3600 + Int64(time.minute) * 60 + Int64(time.second)
                - Int64(time.utcOffsetMinutes) * 60
            return seconds * 1000 + Int64(time.tenths) * 100
        case .relative(let interval):
            let received = CivilDateTime(utc: Timestamp(millisecondsSince1970: receivedAt))
            let monthIndex = received.date.year * 12 + (received.date.month - 1) + Int64(interval.years) * 12
                + Int64(interval.months)
            let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
            let month = monthIndex - year * 12 + 1
            // Day overflow rolls into the next month, as mktime does.
            let days = CivilDate(year: year, month: month, day: 1).daysSince1970 + received.date.day - 1 + Int64(interval.days)
            let seconds = Int64(interval.hours) * 3600 + Int64(interval.minutes) * 60 + Int64(interval.seconds)
            return (days * 86_400 + seconds) * 1000 + received.millisecondOfDay
        }
    }
}
