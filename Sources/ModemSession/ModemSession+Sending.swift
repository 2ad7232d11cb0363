import ATCommands

/// Sending in PDU mode (3GPP TS 27.005 §3.5.1): `AT+CMGS=<length>`, the `> ` prompt, the PDU
/// and Ctrl-Z, then `+CMGS: <mr>` per part.
extension ModemSession {
    mutating func enqueue(_ job: SendJob, now: Duration) {
        if let problem = Self.problem(in: job) {
            finishSend(job.id, .failed(SendFailure(partIndex: 0, references: [], reason: .invalidJob(problem))))
            return
        }
        guard phase == .ready, slotSwitch == nil else {
            let why = slotSwitch != nil ? "switching SIM" : phase.modemState.rawValue
            finishSend(job.id, .failed(SendFailure(partIndex: 0, references: [], reason: .notReady(why))))
            return
        }
        guard sendQueue.count < settings.sendQueueLimit else {
            finishSend(job.id, .failed(SendFailure(partIndex: 0, references: [], reason: .queueFull(settings.sendQueueLimit))))
            return
        }
        sendQueue.append(job)
    }

    /// What is wrong with `job`, or nil: TPDU lengths 1…175 octets (3GPP TS 23.040 §9.2.2.2),
    /// bodies in hex, at least one part.
    static func problem(in job: SendJob) -> String? {
        guard !job.parts.isEmpty else { return "no parts" }
        for (index, part) in job.parts.enumerated() {
            guard (1...175).contains(part.tpduLength) else { return "part \(index + 1): TPDU length \(part.tpduLength)" }
            guard part.hex.utf8.count % 2 == 0, part.hex.utf8.count / 2 > part.tpduLength,
                  part.hex.utf8.allSatisfy({ UInt8(ascii: "0") <= $0 && $0 <= UInt8(ascii: "9")
                      || UInt8(ascii: "A") <= $0 && $0 <= UInt8(ascii: "F") })
            else { return "part \(index + 1): the PDU is not uppercase hex of SMSC plus \(part.tpduLength) octets" }
        }
        return nil
    }

    mutating func sendAnswered(_ response: ATResponse, now: Duration) {
        guard var active = activeSend else { return }
        guard response.result.isSuccess else {
            activeSend = nil
            count(.modemErrors)
            let failure = SendFailure(partIndex: active.partIndex, references: active.references, reason: .rejected(response.result))
            status.lastError = failure.description
            log(.warning, "send \(active.job.id): \(failure)")
            finishSend(active.job.id, .failed(failure))
            return
        }
        guard let line = response.lines(named: "+CMGS").first, let result = try? SubmitResult(line: line) else {
            activeSend = nil
            log(.warning, "send \(active.job.id): OK without +CMGS: <mr>; outcome unknown")
            finishSend(active.job.id, .unknown(references: active.references, partIndex: active.partIndex))
            return
        }
        count(.partsSent)
        active.references.append(result.messageReference)
        active.partIndex += 1
        active.partWritten = false
        if active.partIndex == active.job.parts.count {
            activeSend = nil
            finishSend(active.job.id, .sent(references: active.references))
        } else {
            activeSend = active
        }
    }

    /// Answers every send the session holds when it abandons them (ladder, power cycle, reboot,
    /// shutdown): only a part whose PDU was written (after the `> ` prompt) may have gone out,
    /// so only that send is `unknown`; a send between parts and every queued send fail `notAttempted` (temporary),
    /// so the queue may safely send them again elsewhere (docs/architecture.md, "Delivery semantics").
    mutating func abandonSends(_ why: String) {
        if let active = activeSend {
            activeSend = nil
            if active.partWritten {
                log(.warning, "send \(active.job.id): part \(active.partIndex + 1) in flight (\(why)); outcome unknown")
                finishSend(active.job.id, .unknown(references: active.references, partIndex: active.partIndex))
            } else {
                log(.notice, "send \(active.job.id): part \(active.partIndex + 1) not attempted (\(why))")
                finishSend(active.job.id, .failed(SendFailure(
                    partIndex: active.partIndex, references: active.references, reason: .notAttempted(why))))
            }
        }
        failQueuedSends(why)
    }

    /// Jobs not yet started fail `notAttempted` (temporary), so the queue can route them to
    /// another SIM.
    mutating func failQueuedSends(_ why: String) {
        let waiting = sendQueue
        sendQueue.removeAll()
        if !waiting.isEmpty { log(.notice, "\(waiting.count) queued send(s) not attempted (\(why))") }
        for job in waiting {
            finishSend(job.id, .failed(SendFailure(partIndex: 0, references: [], reason: .notAttempted(why))))
        }
    }

    mutating func finishSend(_ id: UInt64, _ outcome: SendOutcome) {
        switch outcome {
        case .sent: count(.sendsSucceeded)
        case .failed: count(.sendsFailed)
        case .unknown: count(.sendsUnknown)
        }
        actions.append(.sendFinished(id: id, outcome))
    }
}
