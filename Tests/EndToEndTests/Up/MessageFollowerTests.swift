@testable import SmsgwctlCommands
import Testing

/// `smsgwctl send`'s follow loop as a value: the lines it prints and when it stops. Pins the
/// finding of an end-to-end run under `up`: a message left `unknown` by a modemd kill was followed silently
/// for the whole 120 s timeout (`unknown` is not final), and an API outage printed nothing.
@Suite struct MessageFollowerTests {
    static func follower() -> MessageFollower {
        MessageFollower(accepted: "accepted", unknownWait: .seconds(15), timeout: .seconds(120))
    }

    @Test func deliveredEndsWithZero() {
        var follower = Self.follower()
        #expect(follower.answered("accepted", at: .milliseconds(200)).isEmpty, "no change, no line")
        #expect(follower.answered("sending", at: .milliseconds(400)) == ["+0.400 s sending"])
        #expect(follower.verdict(at: .milliseconds(400)) == (.following, nil))
        #expect(follower.answered("delivered", at: .milliseconds(1_250)) == ["+1.250 s delivered"])
        #expect(follower.verdict(at: .milliseconds(1_250)) == (.finished(delivered: true), nil))
    }

    /// `unknown` is printed with its meaning, then followed for `unknownWait` only.
    @Test func unknownIsExplainedAndNotFollowedForever() {
        var follower = Self.follower()
        let lines = follower.answered("unknown", at: .seconds(3))
        #expect(lines.count == 1 && lines[0].hasPrefix("+3.000 s unknown (the send was cut before the modem answered"))
        #expect(follower.verdict(at: .milliseconds(17_900)) == (.following, nil))
        let (verdict, last) = follower.verdict(at: .seconds(18))
        #expect(verdict == .finished(delivered: false))
        #expect(last == "still unknown after 15.000 s; stopped following (smsgwctl queue shows it)")
    }

    /// A status report settles an unknown message: delivered after all.
    @Test func unknownThenDelivered() {
        var follower = Self.follower()
        _ = follower.answered("unknown", at: .seconds(3))
        #expect(follower.answered("delivered", at: .seconds(10)) == ["+10.000 s delivered"])
        #expect(follower.verdict(at: .seconds(30)) == (.finished(delivered: true), nil))
    }

    /// An outage (refused connections, 503 while ingressd restarts) is said once when it starts
    /// and once when it ends, and the message is followed on.
    @Test func outageIsPrintedOnceEachWay() {
        var follower = Self.follower()
        #expect(follower.failed("cannot connect to 127.0.0.1:8080: Connection refused", at: .seconds(1))
            == ["+1.000 s the API does not answer (cannot connect to 127.0.0.1:8080: Connection refused); following on"])
        #expect(follower.failed("HTTP 503", at: .milliseconds(1_200)).isEmpty)
        #expect(follower.verdict(at: .seconds(2)) == (.following, nil))
        #expect(follower.answered("queued", at: .seconds(4)) == ["+4.000 s the API answers again", "+4.000 s queued"])
        #expect(follower.answered("queued", at: .milliseconds(4_200)).isEmpty)
    }

    /// The timeout says what the message was and, during an outage, what the API last said.
    @Test func timeout() {
        var follower = Self.follower()
        _ = follower.answered("queued", at: .seconds(1))
        _ = follower.failed("HTTP 503", at: .seconds(100))
        let (verdict, last) = follower.verdict(at: .seconds(120))
        #expect(verdict == .finished(delivered: false))
        #expect(last == "still queued after 120.000 s; the API last said: HTTP 503; stopped following")
    }
}
