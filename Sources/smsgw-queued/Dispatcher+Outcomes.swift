import GatewayIPC

/// How a send ended, recorded with its history (issue 4, "Outcomes"): sent with a TP-MR per
/// part; a temporary failure retried with back-off, preferring another SIM, up to the limit; a
/// permanent one failed with its code; an unknown one `unknown` (not resent unless configured).
extension Dispatcher {
    nonisolated func perform(_ job: Job) async {
        let result = await link.call(.send(job.request), timeout: settings.sendTimeout)
        await record(job, result)
    }

    private func record(_ job: Job, _ result: Result<ModemdProtocol.Response, IPCError>) async {
        defer { finished(job) }
        do {
            switch result {
            case .success(.sent(let sent)):
                try await recordResult(job, sent)
            case .success(let other):
                try await unknown(job, "modemd answered \(other) to a send")
            case .failure(let error) where Self.notStarted(error):
                // Nothing reached the modem: try again soon (another SIM first).
                try await retryOrFail(job, errorCode: nil, detail: "not sent: \(error)", category: "not-attempted")
            case .failure(let error):
                try await unknown(job, "no answer from modemd: \(error)")
            }
        } catch {
            logger.error("recording the outcome of attempt \(job.attemptID) (message \(job.messageID)) failed: \(error)")
        }
    }

    private func recordResult(_ job: Job, _ sent: ModemdSendResult) async throws {
        let done = Array(job.partIDs.prefix(sent.references.count))
        switch sent.outcome {
        case .sent where sent.references.count == job.partIDs.count:
            try await store.markSent(parts: job.partIDs, references: sent.references)
            metrics.count("sent", 1)
            avoid[job.messageID] = nil
            kick(reports: true)  // a fast status report may already wait for this TP-MR
        case .sent:
            try await store.markSent(parts: done, references: sent.references)
            try await unknown(job, "modemd reported \(sent.references.count) TP-MRs for \(job.partIDs.count) parts")
        case .unknown:
            try await store.markSent(parts: done, references: sent.references)
            try await unknown(job, "outcome unknown on \(job.modem)" + (sent.error.map { ": \($0)" } ?? ""))
        case .failed:
            try await store.markSent(parts: done, references: sent.references)
            let code = sent.error.flatMap(Self.cmsCode)
            let detail = "failed on \(job.modem)" + (sent.error.map { ": \($0)" } ?? "")
            if sent.errorCategory == "permanent" {
                try await store.failFinally(job.attemptID, errorCode: code, detail: detail)
                metrics.count("failed", 1)
                avoid[job.messageID] = nil
            } else {
                try await retryOrFail(job, errorCode: code, detail: detail, category: sent.errorCategory ?? "temporary")
            }
        }
    }

    private func retryOrFail(_ job: Job, errorCode: Int?, detail: String, category: String) async throws {
        let attempts = try await store.finishedAttempts(messageID: job.messageID) + 1
        if attempts < settings.maximumAttempts {
            let backoff = settings.retryBackoff * (1 << min(attempts - 1, 10))
            try await store.failForRetry(job.attemptID, errorCode: errorCode, detail: "\(category): \(detail)", after: backoff)
            avoid[job.messageID, default: []].insert(job.simID)
            metrics.count("retried", 1)
        } else {
            try await store.failFinally(job.attemptID, errorCode: errorCode,
                                        detail: "\(category): \(detail); \(attempts) attempts, no retry left")
            metrics.count("failed", 1)
            avoid[job.messageID] = nil
        }
    }

    private func unknown(_ job: Job, _ detail: String) async throws {
        logger.warning("message \(job.messageID) attempt \(job.attemptID): \(detail)")
        try await store.markUnknown(job.attemptID, messageID: job.messageID, detail: detail, resend: settings.resendUnknown)
        metrics.count("unknown", 1)
    }

    /// IPC errors that prove the request never ran on modemd (docs/ipc.md, "Error codes").
    static func notStarted(_ error: IPCError) -> Bool {
        [.connectFailed, .shuttingDown, .unknownModem, .refused, .unencodableRequest, .frameTooLarge].contains(error.code)
    }

    /// The code of a `+CMS ERROR: <n>` text (3GPP TS 27.005 §3.2.5), when the error names one.
    static func cmsCode(_ text: String) -> Int? {
        guard let range = text.firstRange(of: "CMS ERROR: ") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
