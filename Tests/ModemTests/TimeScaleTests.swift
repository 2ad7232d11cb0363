import ModemProfiles
import Testing
@testable import ModemSimulator

/// `--time-scale` (realistic delays multiplied, for CI runs of the utilisation test) and the
/// per-modem send activity the control socket's `status` reports.
@Suite("Simulated modem: time scale and send activity")
struct TimeScaleTests {
    static func command(_ arguments: [String]) throws -> ModemSimCommand {
        try ModemSimCommand.parse(["--ports", "1", "--dir", "/tmp/nowhere"] + arguments)
    }

    @Test("--time-scale sets the factor; with neither option timing is realistic, --fast is zero")
    func parsesTheFactor() throws {
        #expect(try Self.command(["--time-scale", "0.1"]).simulationSettings.timeScale == 0.1)
        #expect(try Self.command([]).simulationSettings.timeScale == 1)
        #expect(try Self.command(["--fast"]).simulationSettings.timeScale == 0)
        // The report delay is still given unscaled; the modem scales it like every other delay.
        #expect(try Self.command(["--time-scale", "0.5", "--report-delay", "2"]).simulationSettings.reportDelay == .seconds(2))
    }

    @Test("a negative factor, or one given with --fast, is refused", arguments: [
        ["--time-scale", "-0.1"],            // time does not run backwards
        ["--time-scale", "0.5", "--fast"],   // two answers to one question
        ["--time-scale", "inf"],             // parses as a Double, but no modem ever answers
    ])
    func refusesBadFactors(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try Self.command(arguments) }
    }

    @Test("at 0.1 a SIM800 answers AT+CMGS after 250 ms instead of 2.5 s, and its report follows 0.5 s later")
    func scalesSendingTime() throws {
        var settings = SimulationSettings.realistic
        settings.timeScale = 0.1
        settings.failedShare = 0
        settings.expiredShare = 0
        var harness = SendingTests.ready(settings)
        _ = harness.send("AT+CNMI=2,1,0,1,0\r")
        let pdu = try SendingTests.submitPDU()
        #expect(harness.send("AT+CMGS=\(pdu.length)\r") == "\r\n> ")
        #expect(harness.send(pdu.hex + "\u{1A}") == "")
        #expect(harness.advance(by: .milliseconds(249)) == "")
        #expect(harness.advance(by: .milliseconds(1)).lines == ["+CMGS: 0", "OK"])
        #expect(harness.advance(by: .milliseconds(499)) == "")  // the 5 s report delay, scaled
        #expect(harness.advance(by: .milliseconds(1)).lines.first?.hasPrefix("+CDS: ") == true)
    }

    @Test("send activity: busy time summed over sends, first and latest start, latest answer; a power cut ends the running send")
    func countsBusyTime() throws {
        var harness = SendingTests.ready()
        let pdu = try SendingTests.submitPDU(report: false)
        #expect(harness.modem.sendActivity == SendActivity(), "nothing sent yet")
        let t0 = harness.now  // the end of the boot; times below are from here
        _ = harness.advance(by: .seconds(1))
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")  // sends from 1 s to 3.5 s (SIM800: 2.5 s)
        _ = harness.advance(by: .seconds(4))  // idle from 3.5 s to 5 s
        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")  // 5 s to 7.5 s
        _ = harness.settle()
        var activity = harness.modem.sendActivity
        #expect(activity.busy == .seconds(5))
        #expect(activity.firstStart == t0 + .seconds(1))
        #expect(activity.lastStart == t0 + .seconds(5))
        #expect(activity.lastFinish == t0 + .milliseconds(7_500))

        _ = harness.send("AT+CMGS=\(pdu.length)\r")
        _ = harness.send(pdu.hex + "\u{1A}")  // 7.5 s, would end at 10 s
        _ = harness.advance(by: .seconds(1))
        _ = harness.handle(.powerOff)         // cut at 8.5 s: 1 s of it counted
        activity = harness.modem.sendActivity
        #expect(activity.busy == .seconds(6))
        #expect(activity.lastStart == t0 + .milliseconds(7_500))
        #expect(activity.lastFinish == t0 + .milliseconds(8_500))
    }
}
