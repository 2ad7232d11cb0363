import ATCommands
import GatewayCore
import ModemSession
import Testing

/// `SessionEvent.lineFailed`: a failed read of the serial line is noted (last error, log) and
/// nothing more at once; what is written meanwhile goes unanswered, so the command in flight
/// times out and the recovery ladder runs as for a module that stopped answering.
@Suite("ModemSession: a failed serial line")
struct SessionLineFailureTests {
    @Test("idle: noted only; the next health poll times out into the ladder's probe")
    func idle() {
        var harness = SessionSendingTests.ready()
        let noted = harness.handle(.lineFailed("line hung up"))
        #expect(SessionHarness.writes(in: noted).isEmpty, "nothing written, nothing reset at once")
        #expect(SessionHarness.logLines(in: noted) == ["serial line failed: line hung up"])
        #expect(harness.session.status.lastError == "serial line: line hung up")
        #expect(harness.session.status.state == .ready)
        harness.advance(by: .seconds(10))
        #expect(harness.lastWrite == "AT+CSQ", "the health poll goes out as usual")
        let timeout = harness.advance(by: .seconds(5))
        #expect(SessionHarness.writes(in: timeout) == ["AT+CMEE?"], "ladder step 1, as for a silent module")
        #expect(harness.session.status.state == .hung)
    }

    @Test("in a send before its `> ` prompt: the send waits for its timeout, then is handed back not attempted")
    func inSend() {
        var harness = SessionSendingTests.ready()
        harness.handle(.send(SendJob(id: 3, parts: [SessionSendingTests.part])))
        #expect(harness.lastWrite == "AT+CMGS=16")
        harness.handle(.lineFailed("Input/output error"))
        #expect(harness.outcomes[3] == nil, "still in flight: the line may yet answer")
        let timeout = harness.advance(by: .seconds(5))
        #expect(SessionHarness.writes(in: timeout) == ["AT+CMEE?"])
        #expect(SessionAbandonTests.isNotAttempted(harness.outcomes[3]), "no prompt, no PDU written: it cannot have gone out")
    }
}
