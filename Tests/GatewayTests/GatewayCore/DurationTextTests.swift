import Testing
@testable import GatewayCore

@Suite("Durations as the configuration writes them")
struct DurationTextTests {
    @Test(arguments: [
        ("30s", Duration.seconds(30)),           // the common case
        ("250ms", .milliseconds(250)),           // "ms" must win over "s"
        ("5m", .seconds(300)),
        ("1h", .seconds(3600)),
        ("2d", .seconds(172_800)),
        ("0s", .zero),                           // zero is a duration (a cool-down of none)
    ])
    func parses(text: String, duration: Duration) {
        #expect(DurationText.parse(text) == duration)
    }

    @Test(arguments: ["", "s", "30", "30 s", "+5s", "-5s", "1.5s", "1m30s", "5w", "1234567890s"])
    func refuses(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(arguments: [
        (Duration.seconds(90), "90s"),           // not a whole number of minutes
        (.seconds(120), "2m"),
        (.seconds(7200), "2h"),
        (.seconds(86400), "1d"),
        (.milliseconds(1500), "1500ms"),
        (.zero, "0s"),
    ])
    func formatsInTheLargestExactUnit(duration: Duration, text: String) {
        #expect(DurationText.format(duration) == text)
        #expect(DurationText.parse(text) == duration)
    }
}
