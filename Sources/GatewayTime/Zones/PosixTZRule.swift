/// A POSIX TZ string (POSIX.1-2017 §8.3, with RFC 8536 §3.3.1's extensions: hours -167 ... 167
/// in rule times), as found in the footer of a TZif file: `std offset [dst [offset] [,start[/time],end[/time]]]`.
public struct PosixTZRule: Sendable, Hashable {
    /// Seconds east of UTC in standard time (the TZ string writes it west-positive).
    public var standardOffset: Int
    /// Seconds east of UTC in daylight-saving time, nil when the zone has none.
    public var daylightOffset: Int?
    /// When daylight-saving time starts and ends, local time of the offset in force before each.
    public var start: TransitionDate?
    public var end: TransitionDate?

    /// A day of the year and a time of that day.
    public struct TransitionDate: Sendable, Hashable {
        public enum Day: Sendable, Hashable {
            /// `Jn`: day 1 ... 365, February 29 never counted.
            case julian(Int)
            /// `n`: day 0 ... 365, February 29 counted in leap years.
            case zeroBased(Int)
            /// `Mm.w.d`: day `d` (0 = Sunday) of week `w` (1 ... 5, 5 = last) of month `m`.
            case monthWeekDay(month: Int, week: Int, weekday: Int)
        }
        public var day: Day
        /// Seconds after local midnight (default 02:00; may be negative or past 24h).
        public var time: Int
    }

    /// Parses a TZ string; throws which part is malformed.
    public init(parsing text: String) throws(ZoneRulesError) {
        var scanner = PosixTZScanner(Array(text.utf8))
        try scanner.skipName()
        standardOffset = -(try scanner.offset())
        guard !scanner.atEnd else {
            daylightOffset = nil
            start = nil
            end = nil
            return
        }
        try scanner.skipName()
        if let next = scanner.peek, next != UInt8(ascii: ",") {
            daylightOffset = -(try scanner.offset())
        } else {
            daylightOffset = standardOffset + 3600
        }
        guard scanner.take(",") else { throw ZoneRulesError("TZ rule \"\(text)\": daylight time without a start and end") }
        start = try scanner.transitionDate()
        guard scanner.take(",") else { throw ZoneRulesError("TZ rule \"\(text)\": missing the end of daylight time") }
        end = try scanner.transitionDate()
        guard scanner.atEnd else { throw ZoneRulesError("TZ rule \"\(text)\": unexpected text after the end rule") }
    }

    /// Seconds east of UTC at `second` since 1970. The year is the one of standard local
    /// time; daylight time is the span from `start` to `end` of that year, or around its new
    /// year when `end` comes first (southern hemisphere).
    func offset(atSecond second: Int64) -> Int {
        guard let daylightOffset, let start, let end else { return standardOffset }
        let year = CivilDate(daysSince1970: CivilDate.floorDivide(second + Int64(standardOffset), 86400)).year
        let starts = Self.instant(start, year: year, offsetBefore: standardOffset)
        let ends = Self.instant(end, year: year, offsetBefore: daylightOffset)
        let daylight = starts < ends ? (second >= starts && second < ends) : (second >= starts || second < ends)
        return daylight ? daylightOffset : standardOffset
    }

    /// The UTC second at which `date` happens in `year`, read on a clock `offsetBefore` east of UTC.
    static func instant(_ date: TransitionDate, year: Int64, offsetBefore: Int) -> Int64 {
        let days: Int64
        switch date.day {
        case .julian(let n):
            let march1 = CivilDate(year: year, month: 3, day: 1).daysSince1970
            let jan1 = CivilDate(year: year, month: 1, day: 1).daysSince1970
            days = n >= 60 && CivilDate.isLeap(year) ? jan1 + Int64(n) : (n >= 60 ? march1 + Int64(n - 60) : jan1 + Int64(n - 1))
        case .zeroBased(let n):
            days = CivilDate(year: year, month: 1, day: 1).daysSince1970 + Int64(n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilDate(year: year, month: Int64(month), day: 1)
            let firstMatch = (Int64(weekday) - first.weekday + 7) % 7
            var day = 1 + firstMatch + Int64(week - 1) * 7
            let length = CivilDate.daysIn(month: Int64(month), year: year)
            while day > length { day -= 7 }
            days = first.daysSince1970 + day - 1
        }
        return days * 86400 + Int64(date.time) - Int64(offsetBefore)
    }
}

/// Why time zone data was refused.
public struct ZoneRulesError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
