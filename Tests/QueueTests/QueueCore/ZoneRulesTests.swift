import Foundation
import GatewayCore
import GatewayTestSupport
import QueueCore
import Testing

/// TZif (RFC 8536) and POSIX TZ rules: the offsets the box's calendar uses.
@Suite("Zone rules")
struct ZoneRulesTests {
    @Test(arguments: [
        // The EU spring change of 2024: 01:00 UTC, +1h → +2h; a second before it is still +1h.
        ("Europe/Amsterdam", "2024-03-31 00:59", 3600),
        ("Europe/Amsterdam", "2024-03-31 01:00", 7200),
        // The autumn change of 2024: 01:00 UTC back to +1h.
        ("Europe/Amsterdam", "2024-10-27 00:59", 7200),
        ("Europe/Amsterdam", "2024-10-27 01:00", 3600),
        // 2100: past the file's transitions (slim or fat), so the footer rule decides.
        ("Europe/Amsterdam", "2100-07-01 12:00", 7200),
        ("Europe/Amsterdam", "2100-01-01 12:00", 3600),
        // Southern hemisphere: daylight time spans the new year (footer "AEST-10AEDT,M10.1.0,M4.1.0/3").
        ("Australia/Sydney", "2101-01-15 00:00", 39600),
        ("Australia/Sydney", "2101-06-15 00:00", 36000),
        // A half-hour zone without daylight time.
        ("Asia/Kolkata", "2024-06-01 00:00", 19800),
        // Before 1970: negative transition times in the 64-bit block (New York's 1960 summer time).
        ("America/New_York", "1960-07-01 12:00", -14400),
    ])
    func offsetFromInstalledFile(zone: String, utc: String, expected: Int) throws {
        #expect(try QueueFixtures.zone(zone).offset(at: QueueFixtures.utc(utc)) == expected)
    }

    /// Foundation's TimeZone reads the same tzdata: 2,000 random instants from 1970 to 2200
    /// must agree (ours parses the bytes itself, Foundation uses ICU).
    @Test(arguments: ["Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Santiago"])
    func agreesWithFoundation(zone name: String) throws {
        let rules = try QueueFixtures.zone(name)
        let oracle = try #require(TimeZone(identifier: name))
        var random = SeededRandom(seed: 0x5EED_0004)
        for _ in 0..<2000 {
            let second = Int64.random(in: 0...7_258_118_400, using: &random)
            let expected = oracle.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
            let actual = rules.offset(at: Timestamp(secondsSince1970: second))
            if actual != expected {
                Issue.record("\(name) at \(second): \(actual) != \(expected)")
                return
            }
        }
    }

    @Test(arguments: [
        // No daylight time: one offset, written west-positive.
        ("UTC0", 0, nil as Int?),
        ("<+0530>-5:30", 19800, nil),
        // Daylight offset omitted: standard + 1h (POSIX.1-2017 §8.3).
        ("CET-1CEST,M3.5.0,M10.5.0/3", 3600, 7200),
        // Explicit daylight offset and Jn dates.
        ("EST5EDT4,J60/2,J300/2", -18000, -14400),
    ])
    func posixRules(text: String, standard: Int, daylight: Int?) throws {
        let rule = try PosixTZRule(parsing: text)
        #expect(rule.standardOffset == standard)
        #expect(rule.daylightOffset == daylight)
    }

    @Test(arguments: [
        "",                 // no name at all
        "CE-1",             // a name needs three letters
        "CET-1CEST",        // daylight time with no dates
        "CET-1CEST,M3.5.0", // no end date
        "CET-1CEST,M13.5.0,M10.5.0", // month 13
        "CET-1CEST,M3.6.0,M10.5.0",  // week 6
        "<+05",             // unterminated quoted name
    ])
    func malformedPosixRules(text: String) {
        #expect(throws: ZoneRulesError.self) { try PosixTZRule(parsing: text) }
    }

    /// A TZif file cut at any byte is refused, never misread or trapped on.
    @Test func truncatedFilesAreRefused() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "/usr/share/zoneinfo/Europe/Amsterdam")))
        for length in stride(from: 0, to: bytes.count - 1, by: 7) {
            #expect(throws: ZoneRulesError.self) { try ZoneRules(tzif: Array(bytes[..<length])) }
        }
        #expect(throws: ZoneRulesError.self) { try ZoneRules(tzif: Array("TZxf".utf8) + bytes.dropFirst(4)) }
    }
}
