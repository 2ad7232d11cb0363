import ATCommands

/// A late answer to a timed-out command, after the ladder's probe went out. Modules answer in
/// order, one final result per command (ITU-T V.250 §5.7.1): a network-bound command (`+COPS`,
/// `+CUSD`, `+CMGS`) may still answer after its timeout, then the module answers the probe it
/// had buffered. Taken for the probe's, the late answer would leave the probe's own answer to
/// be taken for the next command's, and the session one answer out of step with the module.
///
/// So the probe is `AT+CMEE?` (3GPP TS 27.007 §9.1), whose answer carries a `+CMEE: <n>`
/// information line: a read of the module's own setting, answered at once, with or without a
/// SIM or network, and a command modemd sends nowhere else. A final result without that line
/// is the old command's (plain `OK`, `ERROR`, `+CME ERROR`, an information line of its own):
/// it is logged and skipped, and the probe's answer is waited for, nothing else written. At
/// most one command was in flight before the probe, so at most one answer is skipped: the next
/// final result is the probe's whatever it holds.
///
/// A late answer to `AT+CMGS` after its PDU is the send's (3GPP TS 27.005 §3.5.1: `+CMGS: <mr>`
/// and `OK`, or `+CMS ERROR`): the send is reported as it says (`sent` or `failed`).
extension ModemSession {
    /// The ladder's probe: `AT+CMEE?`, or a bare `AT` for a module that refused `AT+CMEE=1`
    /// at init (one that would answer the read `ERROR` every time and be taken for hung).
    var probeCommand: ATCommand { errorReportingRefused ? .attention : .readErrorReporting }

    /// Whether `response`, which ended the probe, is the probe's own answer.
    func isProbeAnswer(_ response: ATResponse) -> Bool {
        lateAnswerSkipped || errorReportingRefused || !response.lines(named: "+CMEE").isEmpty
    }

    /// Whether `response`, which ended the probe, is the answer to the send in flight: a
    /// `+CMGS:` line or a `+CMS ERROR` (neither answers `AT+CMEE?`).
    func isLateSendAnswer(_ response: ATResponse) -> Bool {
        guard activeSend?.partWritten == true else { return false }
        if !response.lines(named: "+CMGS").isEmpty { return true }
        if case .modemError(let error) = response.result, error.family == .cms { return true }
        return false
    }

    /// Skips (or, for a send, reports) the timed-out command's late answer, then waits for the
    /// probe's own answer for another probe timeout: nothing is written, the module has the
    /// probe already. A module that does not answer it climbs the ladder from there.
    mutating func lateAnswer(_ response: ATResponse, now: Duration) {
        lateAnswerSkipped = true
        if isLateSendAnswer(response) {
            log(.notice, "the answer to AT+CMGS came late, after the probe; waiting for the probe's own answer")
            silentAfterPDU = false
            sendAnswered(response, now: now)
        } else {
            let lines = (response.lines + [response.result.line]).joined(separator: " | ")
            log(.notice, "a late answer to the timed-out command skipped (\(lines)); waiting for the probe's own answer")
        }
        let probe = probeCommand.line
        collector.commandSent(probe)
        inFlight = InFlight(line: probe, purpose: .ladderProbe, deadline: now + settings.timings.probeTimeout, body: nil)
    }
}
