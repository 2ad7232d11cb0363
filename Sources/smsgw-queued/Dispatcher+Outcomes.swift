import GatewayCore
import GatewayIPC
import GatewayStore
import QueueCore

/// How a send ended, recorded with its history (docs/queued.md, "Outcomes"). modemd's answer is
/// classified (`AttemptClassification`), QueueCore's `RetryPolicy` decides (sent, retry after a
/// back-off on another SIM, fail with the code, or keep `unknown`), and the store records it.
extension Dispatcher {
    nonisolated func perform(_ job: Job) async {
        let answer = await link.call(.send(job.request), timeout: timings.sendTimeout)
        await record(job, answer)
    }

    private func record(_ job: Job, _ answer: Result<ModemdProtocol.Response, IPCError>) async {
        if case .success(.sent(let sent)) = answer, sent.outcome == .sent, sent.references.count == job.partIDs.count,
           case .sent = AttemptClassification.classify(sent, parts: job.partIDs.count, modem: job.modem) {
            // The common case waits for the next turn's group commit (Dispatcher+SentAnswers.swift).
            gatherSent(job, references: sent.references)
            return
        }
        defer { finished(job) }
        let now = clock.now()
        do {
            let result: AttemptResult
            switch answer {
            case .success(.sent(let sent)):
                // Parts the network took keep their TP-MR whatever happens to the rest.
                if sent.outcome != .sent || sent.references.count != job.partIDs.count {
                    try await store.markSent(parts: Array(job.partIDs.prefix(sent.references.count)), references: sent.references,
                                             now: now)
                }
                result = AttemptClassification.classify(sent, parts: job.partIDs.count, modem: job.modem)
                if case .sent = result {
                    try await store.markSent(parts: job.partIDs, references: sent.references, now: now)
                }
            case .success(let other):
                result = .unknown(detail: "modemd answered \(other) to a send")
            case .failure(let error) where error.code == .cancelled:
                // The stop grace ran out (SIGTERM): modemd carries on with the send, so it may
                // still reach the network; a status report can resolve it.
                result = .unknown(detail: "send cut by queued's stop after \(timings.stopGrace); modemd may still send it")
            case .failure(let error):
                result = AttemptClassification.classify(error)
            }
            try await apply(result, to: job, now: now)
        } catch {
            logger.error("recording the outcome of attempt \(job.attemptID) (message \(job.messageID)) failed: \(error)")
        }
    }

    private func apply(_ result: AttemptResult, to job: Job, now: Timestamp) async throws {
        var made = try await store.countedAttempts(messageID: job.messageID)
        if case .notAttempted = result {} else { made += 1 }
        let decision = decisions.retry.decide(result, attemptsMade: made, sim: job.sim, now: now, using: &random)
        switch decision {
        case .sent:
            metrics.count("sent", 1)
            avoid[job.messageID] = nil
            kick(reports: true)  // a fast status report may already wait for this TP-MR
        case .retry(let notBefore, _, let avoidSIM):
            switch result {
            case .unknown(let detail):
                try await store.markUnknown(job.attemptID, messageID: job.messageID, detail: detail, resend: true, now: now)
            case .notAttempted(let detail):
                // Nothing reached the modem: the SIM's counters get back what the begin charged.
                try await store.handBackNotAttempted(job.attemptID, detail: detail, chargedIn: job.charged, retryAt: notBefore,
                                                     now: now)
            default:
                try await store.failForRetry(job.attemptID, errorCode: Self.code(of: result),
                                             detail: Self.detail(of: result), retryAt: notBefore, now: now)
            }
            if let avoidSIM { avoid[job.messageID, default: []].insert(avoidSIM) }
            metrics.count("retried", 1)
        case .fail(let code, let reason):
            try await store.failFinally(job.attemptID, errorCode: code, detail: reason, now: now)
            metrics.count("failed", 1)
            avoid[job.messageID] = nil
        case .keepUnknown:
            let detail = Self.detail(of: result)
            logger.warning("message \(job.messageID) attempt \(job.attemptID): \(detail)")
            try await store.markUnknown(job.attemptID, messageID: job.messageID, detail: detail, resend: false, now: now)
            metrics.count("unknown", 1)
            avoid[job.messageID] = nil
        }
    }

    private static func code(of result: AttemptResult) -> Int? {
        switch result {
        case .temporaryFailure(let code, _), .permanentFailure(let code, _), .deviceFault(let code, _): code
        case .sent, .notAttempted, .unknown: nil
        }
    }

    private static func detail(of result: AttemptResult) -> String {
        switch result {
        case .sent: "sent"
        case .temporaryFailure(_, let detail): "temporary: \(detail)"
        case .permanentFailure(_, let detail): "permanent: \(detail)"
        case .deviceFault(_, let detail): "device fault: \(detail)"
        case .notAttempted(let detail): detail
        case .unknown(let detail): detail
        }
    }
}
