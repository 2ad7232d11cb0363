import SMPPCodec
import Testing

/// SMPP 3.4 §7.1.1 times resolved to instants (milliseconds since 1970, UTC). Expected values
/// computed with Python's `datetime` (aware, `timestamp() * 1000`).
@Suite struct SMPPTimeInstantTests {
    /// 2025-01-31T10:00:00Z: the end of a month, so that a relative month has to roll over.
    static let received: Int64 = 1_738_317_600_000

    @Test(arguments: [
        // One hour ahead of UTC (4 quarter hours) and tenths 5: 11:00:00.5 UTC.
        ("251129120000504+", Int64(1_764_414_000_500)),
        // Twelve hours behind UTC, the largest offset: crosses into the next year in UTC.
        ("251231235959948-", 1_767_268_799_900),
        // A leap day exists in 2024.
        ("240229000000000+", 1_709_164_800_000),
        // "00" is the year 2000, the start of the century the format can say.
        ("000101000000000+", 946_684_800_000),
        // Nepal's +05:45 is 23 quarter hours: an offset that is not a whole hour.
        ("991231235959023+", 4_102_424_099_000),
    ])
    func absolute(text: String, expected: Int64) throws {
        #expect(try SMPPTime(text).instant(receivedAt: 0) == expected)
    }

    @Test(arguments: [
        // Two days, 3 h 4 min 5 s: fixed lengths added to the receipt time.
        ("000002030405000R", Int64(1_738_501_445_000)),
        // 31 January + 1 month: February has no 31st, rolls on to 3 March (mktime's rule).
        ("000100000000000R", 1_740_996_000_000),
        // One year is a calendar year, not 365 days counted from a leap year.
        ("010000000000000R", 1_769_853_600_000),
        // Zero: the receipt time itself.
        ("000000000000000R", received),
    ])
    func relative(text: String, expected: Int64) throws {
        #expect(try SMPPTime(text).instant(receivedAt: Self.received) == expected)
    }

    /// Days a month lacks parse (the field is in 1...31) but name no instant.
    @Test(arguments: ["250229000000000+", "250431000000000+", "000230120000000-"])
    func missingDay(text: String) throws {
        #expect(throws: SMPPTimeError(reason: .outOfRange(.day))) { try SMPPTime(text).instant(receivedAt: 0) }
    }

    /// The receipt time's milliseconds are kept by a relative time (a sub-second receipt).
    @Test func relativeKeepsMilliseconds() throws {
        #expect(try SMPPTime("000000000001000R").instant(receivedAt: 1_234) == 2_234)
    }
}
