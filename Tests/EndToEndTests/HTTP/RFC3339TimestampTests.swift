import GatewayCore
import Testing
@testable import IngressdDaemon

@Suite("RFC 3339 §5.6 date-time")
struct RFC3339TimestampTests {
    @Test("valid date-times", arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),                    // the epoch
        ("2026-11-29T18:30:00Z", 1_795_977_000_000),            // an ordinary instant
        ("2026-11-29T19:30:00+01:00", 1_795_977_000_000),       // the same instant at +01:00
        ("2026-11-29T13:00:00-05:30", 1_795_977_000_000),       // a half-hour negative offset
        ("2026-11-29T18:30:00.25Z", 1_795_977_000_250),         // a fraction shorter than milliseconds
        ("2026-11-29T18:30:00.123456Z", 1_795_977_000_123),     // digits past the millisecond dropped
        ("2024-02-29t12:00:00z", 1_709_208_000_000),            // leap day; lower-case t and z allowed (§5.6 note)
        ("2000-03-01 00:00:00Z", 951_868_800_000),              // space separator (§5.6 note); 2000 was leap
    ])
    func parses(text: String, milliseconds: Int64) {
        #expect(RFC3339.parse(text) == Timestamp(millisecondsSince1970: milliseconds))
    }

    @Test("invalid date-times", arguments: [
        "2026-11-29T18:30:00",        // no offset: a local time is ambiguous
        "2023-02-29T00:00:00Z",       // 2023 was not a leap year
        "2026-13-01T00:00:00Z",       // month 13
        "2026-11-29T24:00:00Z",       // hour 24
        "2026-11-29T18:30:00.Z",      // a dot without digits
        "2026-11-29T18:30:00+0100",   // offset without its colon
        "2026-11-29",                 // a date alone
        "tomorrow",
        "2026-11-29T18:30:00Zjunk",   // trailing text
    ])
    func refuses(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test("format writes UTC with milliseconds and reads back", arguments: [
        Int64(0), 1_795_977_000_123, 951_868_799_999, -1,
    ])
    func roundTrip(milliseconds: Int64) {
        let timestamp = Timestamp(millisecondsSince1970: milliseconds)
        #expect(RFC3339.parse(RFC3339.format(timestamp)) == timestamp)
    }

    @Test("format vectors")
    func formats() {
        #expect(RFC3339.format(Timestamp(millisecondsSince1970: 1_795_977_000_005)) == "2026-11-29T18:30:00.005Z")
        #expect(RFC3339.format(Timestamp(millisecondsSince1970: -1)) == "1969-12-31T23:59:59.999Z")
    }
}
