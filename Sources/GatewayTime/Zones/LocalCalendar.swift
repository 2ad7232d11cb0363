/// Wall-clock arithmetic in the box's time zone (`box.time_zone`): local date and time of an
/// instant, and the instant of a local date and time, across daylight-saving changes.
public struct LocalCalendar: Sendable, Hashable {
    public var zone: ZoneRules

    public init(zone: ZoneRules) { self.zone = zone }

    public static let utc = LocalCalendar(zone: .utc)

    /// The local date and the milliseconds since local midnight at `time`.
    public func local(_ time: Timestamp) -> (date: CivilDate, millisecondOfDay: Int64) {
        let local = time.millisecondsSince1970 + Int64(zone.offset(at: time)) * 1000
        let days = CivilDate.floorDivide(local, 86_400_000)
        return (CivilDate(daysSince1970: days), local - days * 86_400_000)
    }

    /// Minutes since local midnight at `time`, 0 ..< 1440 (1500 on no real day).
    public func minuteOfDay(_ time: Timestamp) -> Int {
        Int(local(time).millisecondOfDay / 60_000)
    }

    /// The instant the local clock reads `millisecondOfDay` on `date`. A time skipped by a
    /// forward change (02:30 on a spring-forward night) maps to the instant as far after the
    /// change as it is after the skipped hour's start (03:30); a time that happens twice (an
    /// autumn night) maps to its first occurrence.
    public func instant(of date: CivilDate, millisecondOfDay: Int64) -> Timestamp {
        let local = date.daysSince1970 * 86_400_000 + millisecondOfDay
        let before = zone.offset(at: Timestamp(millisecondsSince1970: local - 86_400_000))
        let after = zone.offset(at: Timestamp(millisecondsSince1970: local + 86_400_000))
        let candidates = [before, after].map { Timestamp(millisecondsSince1970: local - Int64($0) * 1000) }
        let valid = zip([before, after], candidates).filter { zone.offset(at: $1) == $0 }.map(\.1)
        return valid.min() ?? candidates[0]
    }

    /// The start of the `period` window that holds `time`, in local time.
    public func start(of period: LimitPeriod, containing time: Timestamp) -> Timestamp {
        let (date, millisecond) = local(time)
        switch period {
        case .hour:
            // Real hours, aligned to the local clock's hours (a zone 5h30 east starts them at :30 UTC).
            return time - .milliseconds(millisecond % 3_600_000)
        case .day:
            return instant(of: date, millisecondOfDay: 0)
        case .month:
            return instant(of: CivilDate(year: date.year, month: date.month, day: 1), millisecondOfDay: 0)
        }
    }

    /// The start of the `period` window after the one that holds `time`: when its count resets.
    public func nextReset(of period: LimitPeriod, after time: Timestamp) -> Timestamp {
        let date = local(time).date
        switch period {
        case .hour: return start(of: .hour, containing: time) + .seconds(3600)
        case .day: return instant(of: CivilDate(daysSince1970: date.daysSince1970 + 1), millisecondOfDay: 0)
        case .month: return instant(of: date.firstOfNextMonth, millisecondOfDay: 0)
        }
    }
}

/// The windows a SIM's limits count in (`per_hour`, `per_day`, `per_month`), local time.
public enum LimitPeriod: String, Sendable, Hashable, CaseIterable {
    case hour
    case day
    case month
}
