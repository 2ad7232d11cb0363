import GatewayCore
import GatewayStore

/// Group commit of `sent` answers (issue 4 budget; DESIGN.md "Delivery semantics"). A send
/// modemd answered fully `sent` is not committed on its own: the answers gathered while a turn
/// ran are recorded together, in one transaction, when the next turn starts (and once more after
/// the last send on shutdown). The batch window is therefore one turn — no timer, no added
/// wait when the queue is quiet — and at most one answer per modem. Until its answer is
/// committed the modem stays in flight, so a modem never holds two attempts whose records are
/// not durable; a crash before the commit leaves the attempt `pending`, which start-up marks
/// `unknown` (not resent unless `[queue].resend_unknown`), exactly as a crash just before the
/// single commit did.
extension Dispatcher {
    /// A `+CMGS` answer for every part of a job (3GPP TS 27.005 §3.5.1), waiting for the commit.
    struct SentAnswer: Sendable {
        var job: Job
        var references: [Int]
        /// When modemd answered: the SIM's pacing gap runs from here.
        var at: Timestamp
    }

    func gatherSent(_ job: Job, references: [Int]) {
        sentAnswers.append(SentAnswer(job: job, references: references, at: .wallClock))
        kickSink.yield()
    }

    /// Commits every gathered answer in one transaction, then frees their modems. Should the
    /// group fail (a lock held past the busy timeout, a part changed meanwhile), each answer is
    /// recorded on its own so one bad row cannot cost the others their record.
    func recordSentAnswers() async {
        guard !sentAnswers.isEmpty else { return }
        let answers = sentAnswers
        sentAnswers = []
        do {
            try await store.markSent(answers.map { ($0.job.partIDs, $0.references) })
        } catch {
            logger.warning("recording \(answers.count) sent answers together failed (\(error)); recording each")
            for answer in answers {
                do {
                    try await store.markSent(parts: answer.job.partIDs, references: answer.references)
                } catch {
                    logger.error("recording the outcome of attempt \(answer.job.attemptID) (message \(answer.job.messageID)) failed: \(error)")
                }
            }
        }
        for answer in answers {
            metrics.count("sent", 1)
            avoid[answer.job.messageID] = nil
            release(answer.job, endedAt: answer.at)
        }
        // A fast status report may already wait for one of these TP-MRs: this turn correlates.
        reportsDue = true
    }
}
