import ATCommands

/// A network slower than the send's wait: the probe `AT` went out after a PDU whose `+CMGS:`
/// had not come, and the module, busy with the send, answers the send first (3GPP TS 27.005
/// §3.5.1: `+CMGS: <mr>` and `OK`, or `+CMS ERROR`), then the `AT` it had buffered. The first
/// answer is the send's; the probe's own `OK` is still to come and must not be taken for the
/// answer to the next command (an `AT+CMGS` answered `OK` before its prompt would leave the
/// module at `> ` taking commands for PDU text).
extension ModemSession {
    /// Whether `response`, which ended the probe, is the answer to the send in flight: a
    /// `+CMGS:` line or a `+CMS ERROR` (neither answers `AT`).
    func isLateSendAnswer(_ response: ATResponse) -> Bool {
        guard activeSend?.partWritten == true else { return false }
        if !response.lines(named: "+CMGS").isEmpty { return true }
        if case .modemError(let error) = response.result, error.family == .cms { return true }
        return false
    }

    /// Reports the send as its answer says, then waits for the probe's own answer (nothing is
    /// written: the module has the `AT` already).
    mutating func lateSendAnswer(_ response: ATResponse, now: Duration) {
        log(.notice, "the answer to AT+CMGS came late, after the probe; waiting for the probe's own answer")
        silentAfterPDU = false
        sendAnswered(response, now: now)
        let probe = ATCommand.attention.line
        collector.commandSent(probe)
        inFlight = InFlight(line: probe, purpose: .ladderProbe, deadline: now + settings.timings.probeTimeout, body: nil)
    }
}
