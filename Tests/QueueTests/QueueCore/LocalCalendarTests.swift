import GatewayCore
import QueueCore
import Testing

/// Limit windows and their resets in the box's time zone (with every SIM full, messages wait
/// until a limit resets).
@Suite("Local calendar")
struct LocalCalendarTests {
    static let amsterdam = Result { LocalCalendar(zone: try QueueFixtures.zone("Europe/Amsterdam")) }

    @Test(arguments: [
        // 23:30 local (21:30 UTC, summer): the day resets at local midnight, 22:00 UTC.
        (LimitPeriod.day, "2024-07-10 21:30", "2024-07-10 22:00"),
        // In winter local midnight is 23:00 UTC.
        (.day, "2024-01-10 12:00", "2024-01-10 23:00"),
        // The hour window: whole hours of the local clock.
        (.hour, "2024-07-10 21:30", "2024-07-10 22:00"),
        // The month resets on the local 1st: 2024-08-01 00:00 CEST = 07-31 22:00 UTC.
        (.month, "2024-07-10 21:30", "2024-07-31 22:00"),
        // 31 July 22:30 UTC is already August locally: the next reset is 1 September.
        (.month, "2024-07-31 22:30", "2024-08-31 22:00"),
        // December → January across the year; winter offset.
        (.month, "2024-12-15 10:00", "2024-12-31 23:00"),
        // The day of the spring change has 23 hours: its midnight-to-midnight ends at 22:00 UTC.
        (.day, "2024-03-30 23:30", "2024-03-31 22:00"),
        // The day of the autumn change has 25 hours.
        (.day, "2024-10-26 22:30", "2024-10-27 23:00"),
    ])
    func nextResetInAmsterdam(period: LimitPeriod, now: String, reset: String) throws {
        let calendar = try Self.amsterdam.get()
        #expect(calendar.nextReset(of: period, after: QueueFixtures.utc(now)) == QueueFixtures.utc(reset))
    }

    /// A zone 5h30 east of UTC starts its local hours at :30 UTC; its day at 18:30 UTC.
    @Test func halfHourZone() throws {
        let calendar = LocalCalendar(zone: try QueueFixtures.zone("Asia/Kolkata"))
        #expect(calendar.start(of: .hour, containing: QueueFixtures.utc("2024-06-01 10:10")) == QueueFixtures.utc("2024-06-01 09:30"))
        #expect(calendar.nextReset(of: .day, after: QueueFixtures.utc("2024-06-01 10:10")) == QueueFixtures.utc("2024-06-01 18:30"))
    }

    /// Local times that do not exist (spring) or happen twice (autumn).
    @Test func instantsAroundChanges() throws {
        let calendar = try Self.amsterdam.get()
        // 02:30 on 31 March 2024 is skipped: it maps to 03:30 CEST = 01:30 UTC.
        #expect(calendar.instant(of: CivilDate(year: 2024, month: 3, day: 31), millisecondOfDay: 9_000_000) == QueueFixtures.utc("2024-03-31 01:30"))
        // 02:30 on 27 October 2024 happens twice: the first, CEST, = 00:30 UTC.
        #expect(calendar.instant(of: CivilDate(year: 2024, month: 10, day: 27), millisecondOfDay: 9_000_000) == QueueFixtures.utc("2024-10-27 00:30"))
    }

    /// Every instant lies in its window, and the window ends where the next starts.
    @Test(arguments: LimitPeriod.allCases)
    func windowsTileTheTimeline(period: LimitPeriod) throws {
        let calendar = try Self.amsterdam.get()
        var time = QueueFixtures.utc("2024-01-01 00:00")
        for _ in 0..<400 {
            let start = calendar.start(of: period, containing: time)
            let reset = calendar.nextReset(of: period, after: time)
            #expect(start <= time && time < reset)
            #expect(calendar.start(of: period, containing: reset) == reset)
            time = time + .seconds(period == .hour ? 1_777 : 86_400 - 1_234)
        }
    }

    @Test(arguments: [
        // 1970-01-01 was a Thursday; dates around leap days and before 1970.
        (CivilDate(year: 1970, month: 1, day: 1), 0 as Int64, 4 as Int64),
        (CivilDate(year: 2000, month: 2, day: 29), 11_016, 2),
        (CivilDate(year: 1969, month: 12, day: 31), -1, 3),
        (CivilDate(year: 2100, month: 3, day: 1), 47_541, 1),
    ])
    func civilDates(date: CivilDate, days: Int64, weekday: Int64) {
        #expect(date.daysSince1970 == days)
        #expect(CivilDate(daysSince1970: days) == date)
        #expect(date.weekday == weekday)
    }
}
