/// A date and a time of day with milliseconds, on a clock without time zone: what an instant
/// reads in UTC (`init(utc:)`), or what a local clock reads (`LocalCalendar.local(_:)`).
public struct CivilDateTime: Sendable, Hashable {
    public var date: CivilDate
    /// Milliseconds since midnight, 0 ..< 86,400,000.
    public var millisecondOfDay: Int64

    public init(date: CivilDate, millisecondOfDay: Int64) {
        self.date = date
        self.millisecondOfDay = millisecondOfDay
    }

    /// What `time` reads in UTC.
    public init(utc time: Timestamp) {
        let days = CivilDate.floorDivide(time.millisecondsSince1970, 86_400_000)
        date = CivilDate(daysSince1970: days)
        millisecondOfDay = time.millisecondsSince1970 - days * 86_400_000
    }

    /// The instant this date and time name in UTC.
    public var utcInstant: Timestamp {
        Timestamp(millisecondsSince1970: date.daysSince1970 * 86_400_000 + millisecondOfDay)
    }

    public var hour: Int64 { millisecondOfDay / 3_600_000 }
    public var minute: Int64 { millisecondOfDay / 60_000 % 60 }
    public var second: Int64 { millisecondOfDay / 1_000 % 60 }
    public var millisecond: Int64 { millisecondOfDay % 1_000 }
}
