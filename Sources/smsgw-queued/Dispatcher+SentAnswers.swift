import GatewayCore
import GatewayStore

/// Group commit of `sent` answers (one fsync per turn, for the ≥ 2,000 messages/s budget). A send
/// modemd answered fully `sent` is not committed on its own: the answers gathered while a turn
/// ran are recorded by the next turn, in the same transaction as the attempts it begins (and
/// once more after the last send on shutdown). The batch window is therefore one turn — no
/// timer, no added wait when the queue is quiet — and at most one answer per modem. A modem's
/// next attempt is begun in the commit that records its last answer, never before it, so a
/// modem never holds two attempts whose records are not durable; a crash before the commit
/// leaves the attempt `pending`, which start-up marks `unknown` (not resent unless
/// `[queue].resend_unknown`), exactly as a crash just before the single commit did.
extension Dispatcher {
    /// A `+CMGS` answer for every part of a job (3GPP TS 27.005 §3.5.1), waiting for the commit.
    struct SentAnswer: Sendable {
        var job: Job
        var references: [Int]
        /// When modemd answered: the SIM's pacing gap runs from here.
        var at: Timestamp
    }

    func gatherSent(_ job: Job, references: [Int]) {
        sentAnswers.append(SentAnswer(job: job, references: references, at: clock.now()))
        kickSink.yield()
    }

    /// The answers gathered so far, for this turn's commit; their modems are free for it.
    func takeSentAnswers() -> [SentAnswer] {
        let answers = sentAnswers
        sentAnswers = []
        for answer in answers { release(answer.job, endedAt: answer.at) }
        return answers
    }

    /// After the commit that recorded `answers`.
    func sentAnswersRecorded(_ answers: [SentAnswer]) {
        guard !answers.isEmpty else { return }
        for answer in answers {
            metrics.count("sent", 1)
            avoid[answer.job.messageID] = nil
        }
        // A fast status report may already wait for one of these TP-MRs.
        kick(reports: true)
    }

    /// Commits every gathered answer in one transaction, without beginning anything (shutdown).
    func recordSentAnswers() async {
        let answers = takeSentAnswers()
        guard !answers.isEmpty else { return }
        do {
            try await store.markSent(answers.map { ($0.job.partIDs, $0.references) }, now: clock.now())
            sentAnswersRecorded(answers)
        } catch {
            logger.warning("recording \(answers.count) sent answers together failed (\(error)); recording each")
            await recordEach(answers)
        }
    }

    /// When a group commit failed (a lock held past the busy timeout, a part changed
    /// meanwhile): each answer on its own, so one bad row cannot cost the others their record.
    func recordEach(_ answers: [SentAnswer]) async {
        for answer in answers {
            do {
                try await store.markSent(parts: answer.job.partIDs, references: answer.references, now: clock.now())
            } catch {
                logger.error("recording the outcome of attempt \(answer.job.attemptID) (message \(answer.job.messageID)) failed: \(error)")
            }
        }
        sentAnswersRecorded(answers)
    }
}
