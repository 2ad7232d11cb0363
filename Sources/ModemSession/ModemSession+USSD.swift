import ATCommands

/// A USSD request (3GPP TS 27.007 §7.15) — a balance check: `AT+CUSD=1,"<code>",15`, its
/// `OK`, then the network's answer as the `+CUSD:` URC, seconds later. One at a time; it waits
/// for the send in progress and a SIM switch (never written in the middle of a send), and a
/// send waiting behind it starts once `OK` came (the answer itself may arrive mid-send: URCs
/// are handled anywhere). An answer asking for more (`<m>` = 1, a menu) ends the session with
/// `AT+CUSD=2`.
extension ModemSession {
    mutating func requestUSSD(_ code: String, timeout: Duration, requestID: UInt64) {
        func refuse(_ detail: String) { actions.append(.ussdFinished(requestID: requestID, .failed(detail))) }
        guard ussd == nil else { return refuse("another USSD request is in progress") }
        guard phase == .ready, slotSwitch == nil else {
            return refuse(slotSwitch != nil ? "switching SIM" : "modem not ready (\(phase.modemState.rawValue))")
        }
        ussd = USSDRequest(requestID: requestID, code: code, timeout: timeout)
        log(.info, "USSD \(code) requested")
    }

    /// Writes the request when nothing else is in flight; true when it did.
    mutating func pumpUSSD(now: Duration) -> Bool {
        guard var request = ussd, !request.started, activeSend == nil, slotSwitch == nil else { return false }
        request.started = true
        ussd = request
        issue(ATCommand.sendUSSD(request.code).line, .ussd, timeout: settings.timings.commandTimeout, now: now)
        return true
    }

    mutating func ussdAnswered(_ response: ATResponse, now: Duration) {
        guard response.result.isSuccess else {
            return finishUSSD(.failed("\(response.command.text) refused: \(response.result.line)"))
        }
        // Some modules put the answer before their OK, inside the response.
        if let line = response.lines.first(where: { $0.hasPrefix("+CUSD:") }), let answer = try? USSDResponse(line: line) {
            return ussdArrived(answer)
        }
        guard var request = ussd else { return }
        request.answerDeadline = now + request.timeout
        ussd = request
    }

    /// The `+CUSD:` URC.
    mutating func ussdArrived(_ answer: USSDResponse) {
        guard let request = ussd, request.started else {
            log(.debug, "+CUSD: \(answer.status) with no request waiting (network-initiated)")
            return
        }
        if answer.expectsReply { enqueueOnce(ATCommand.cancelUSSD.line, .ussdEnd) }
        switch answer.status {
        case 0, 1, 2: finishUSSD(.answered(answer))
        case 4: finishUSSD(.failed("the network does not support \(request.code) (+CUSD: 4)"))
        case 5: finishUSSD(.failed("the network timed out (+CUSD: 5)"))
        default: finishUSSD(.failed("another client answered (+CUSD: \(answer.status))"))
        }
    }

    /// No answer in time.
    mutating func tickUSSD(now: Duration) {
        guard let request = ussd, let deadline = request.answerDeadline, now >= deadline else { return }
        finishUSSD(.failed("no +CUSD answer to \(request.code) within \(request.timeout)"))
        enqueueOnce(ATCommand.cancelUSSD.line, .ussdEnd)
    }

    mutating func finishUSSD(_ outcome: USSDOutcome) {
        guard let request = ussd else { return }
        ussd = nil
        if case .failed(let detail) = outcome { log(.warning, "USSD \(request.code) failed: \(detail)") }
        actions.append(.ussdFinished(requestID: request.requestID, outcome))
    }
}

/// How a USSD request ended.
public enum USSDOutcome: Sendable, Hashable {
    /// The network answered (`<m>` 0, 1 or 2).
    case answered(USSDResponse)
    /// Refused, not answered in time, or the network declined; why.
    case failed(String)
}

/// The USSD request being carried out.
struct USSDRequest: Sendable, Hashable {
    var requestID: UInt64
    var code: String
    var timeout: Duration
    var started = false
    /// Set once `AT+CUSD` was answered `OK`: the `+CUSD:` URC is due by then.
    var answerDeadline: Duration?
}
