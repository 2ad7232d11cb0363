import GatewayCore
import QueueCore
import Testing

/// Validity, schedules and quiet hours, in the box's time zone.
@Suite("Send window")
struct SendWindowTests {
    static let quiet = QuietHours(parsing: "21:00-08:00")
    static let window = Result { SendWindow(calendar: LocalCalendar(zone: try QueueFixtures.zone("Europe/Amsterdam")), quietHours: quiet) }

    @Test(arguments: [
        // 22:30 CEST (20:30 UTC): marketing waits until 08:00 CEST = 06:00 UTC next day.
        (MessageClass.marketing, "2024-07-10 20:30", SendWindow.Decision.hold(until: QueueFixtures.utc("2024-07-11 06:00"), reason: .quietHours)),
        // 03:00 CEST, after midnight: the same morning.
        (.marketing, "2024-07-11 01:00", .hold(until: QueueFixtures.utc("2024-07-11 06:00"), reason: .quietHours)),
        // 08:00 CEST exactly: the end is exclusive, it goes.
        (.marketing, "2024-07-11 06:00", .sendNow),
        // 20:59 CEST: a minute before the span.
        (.marketing, "2024-07-10 18:59", .sendNow),
        // 21:00 CEST: the start is inclusive.
        (.marketing, "2024-07-10 19:00", .hold(until: QueueFixtures.utc("2024-07-11 06:00"), reason: .quietHours)),
        // OTP and transactional ignore quiet hours.
        (.otp, "2024-07-10 20:30", .sendNow),
        (.transactional, "2024-07-10 20:30", .sendNow),
        // Winter: 08:00 CET = 07:00 UTC.
        (.marketing, "2024-01-10 22:00", .hold(until: QueueFixtures.utc("2024-01-11 07:00"), reason: .quietHours)),
        // The night of the spring change: 08:00 CEST on 31 March is 06:00 UTC.
        (.marketing, "2024-03-30 23:00", .hold(until: QueueFixtures.utc("2024-03-31 06:00"), reason: .quietHours)),
    ])
    func quietHours(messageClass: MessageClass, now: String, expected: SendWindow.Decision) throws {
        let decision = try Self.window.get().decide(messageClass: messageClass, notBefore: nil, expiresAt: nil, now: QueueFixtures.utc(now))
        #expect(decision == expected)
    }

    @Test func scheduledAndExpired() throws {
        let window = try Self.window.get()
        let noon = QueueFixtures.utc("2024-07-10 10:00")
        // Scheduled for later: held until then.
        #expect(window.decide(messageClass: .otp, notBefore: noon + .seconds(60), expiresAt: nil, now: noon)
            == .hold(until: noon + .seconds(60), reason: .scheduled))
        // Past its validity: expired, whatever else holds.
        guard case .expire = window.decide(messageClass: .otp, notBefore: nil, expiresAt: noon, now: noon) else {
            Issue.record("expected expiry at the validity end")
            return
        }
        // Scheduled into quiet hours: held until they end, reason quiet hours.
        let evening = QueueFixtures.utc("2024-07-10 19:30")
        #expect(window.decide(messageClass: .marketing, notBefore: evening, expiresAt: nil, now: noon)
            == .hold(until: QueueFixtures.utc("2024-07-11 06:00"), reason: .quietHours))
        // Its validity ends during quiet hours: it can never go, expire now.
        guard case .expire = window.decide(messageClass: .marketing, notBefore: nil, expiresAt: QueueFixtures.utc("2024-07-11 01:00"),
                                           now: QueueFixtures.utc("2024-07-10 20:00")) else {
            Issue.record("expected expiry: validity ends inside quiet hours")
            return
        }
    }

    @Test func noQuietHours() throws {
        let window = SendWindow(calendar: .utc, quietHours: nil)
        #expect(window.decide(messageClass: .marketing, notBefore: nil, expiresAt: nil, now: QueueFixtures.utc("2024-07-10 23:00")) == .sendNow)
    }

    /// A daytime span (not crossing midnight).
    @Test func daytimeSpan() throws {
        let window = SendWindow(calendar: .utc, quietHours: QuietHours(parsing: "12:00-13:30"))
        #expect(window.quietEnd(at: QueueFixtures.utc("2024-07-10 12:45")) == QueueFixtures.utc("2024-07-10 13:30"))
        #expect(window.quietEnd(at: QueueFixtures.utc("2024-07-10 13:30")) == nil)
        #expect(window.quietEnd(at: QueueFixtures.utc("2024-07-10 11:59")) == nil)
    }
}
