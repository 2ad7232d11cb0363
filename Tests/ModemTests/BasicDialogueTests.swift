import ModemProfiles
import Testing
@testable import ModemSimulator

@Suite("Simulated modem: basic dialogue")
struct BasicDialogueTests {
    @Test("boot prints the profile's banner only after the boot time, and nothing answers before")
    func bootBanner() {
        var harness = ModemHarness(boot: false)
        #expect(harness.handle(.powerOn) == "")
        #expect(harness.send("AT\r") == "")  // still booting: a real module ignores input
        #expect(harness.advance(by: .seconds(2)) == "")
        #expect(harness.advance(by: .seconds(1)).lines == ["RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready", "SMS Ready"])
        #expect(harness.send("AT\r") == "AT\r\r\nOK\r\n")  // echo is on after power-on
    }

    @Test("echo follows ATE0/ATE1 and the answer is framed as V.250 verbose results")
    func echo() {
        var harness = ModemHarness()
        #expect(harness.send("ATE0\r") == "ATE0\r\r\nOK\r\n")  // the line that turns echo off is still echoed
        #expect(harness.send("AT\r") == "\r\nOK\r\n")
        #expect(harness.send("ATE1\r") == "\r\nOK\r\n")
        #expect(harness.send("AT+CSQ\r") == "AT+CSQ\r\r\n+CSQ: 21,99\r\n\r\nOK\r\n")
    }

    @Test("a line dripped one byte at a time gets the same answer as one written at once")
    func dripFeeding() {
        var whole = ModemHarness()
        var dripped = ModemHarness()
        for line in ["ATE0\r", "AT+CMEE=1;+CREG=2\r", "AT+CREG?\r", "AT+CGMM\r", "AT+CPMS?\r"] {
            #expect(whole.send(line) == dripped.drip(line))
        }
    }

    @Test("unknown commands answer plain ERROR, whatever CMEE says, and stop the rest of the line")
    func unknownCommands() {
        var harness = ModemHarness()
        _ = harness.send("ATE0\r")
        _ = harness.send("AT+CMEE=1\r")
        #expect(harness.send("AT+NOSUCH\r").lines == ["ERROR"])
        #expect(harness.send("AT+CSQ;+NOSUCH;+CGMI\r").lines == ["+CSQ: 21,99", "ERROR"])
        #expect(harness.send("hello\r") == "")  // not a command line at all: modules ignore it
    }

    @Test("errors follow CMEE: plain, numeric, verbose (27.007 §9.1)")
    func errorModes() {
        var harness = ModemHarness()
        _ = harness.send("ATE0\r")
        #expect(harness.send("AT+CMGR=99\r").lines == ["ERROR"])
        _ = harness.send("AT+CMEE=1\r")
        #expect(harness.send("AT+CMGR=99\r").lines == ["+CMS ERROR: 321"])  // smstools expects 321 for an empty slot
        _ = harness.send("AT+CMEE=2\r")
        #expect(harness.send("AT+CMGR=99\r").lines == ["+CMS ERROR: Invalid memory index"])
    }

    @Test("a stray Ctrl-Z or ESC before a command (smstools, gammu) is ignored")
    func strayControlBytes() {
        var harness = ModemHarness()
        _ = harness.send("ATE0\r")
        #expect(harness.send("\u{1A}AT\r").lines == ["OK"])
        #expect(harness.send("\u{1B}AT\r").lines == ["OK"])
    }

    @Test("AT+CFUN=1,1 answers OK, goes silent and boots again")
    func softReset() {
        var harness = ModemHarness()
        _ = harness.send("ATE0\r")
        #expect(harness.send("AT+CFUN=1,1\r").lines == ["OK"])
        #expect(harness.send("AT\r") == "")
        #expect(harness.advance(by: .seconds(3)).lines.first == "RDY")
        #expect(harness.send("AT\r") == "AT\r\r\nOK\r\n")  // settings are back to power-on defaults
    }
}
