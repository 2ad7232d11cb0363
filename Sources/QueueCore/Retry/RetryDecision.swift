import GatewayCore

/// What to do with a message after an attempt.
public enum RetryDecision: Sendable, Hashable {
    /// Mark the parts sent; status reports may follow.
    case sent
    /// Queue it again, not before `notBefore`; `countsAsAttempt` says whether the attempt uses
    /// one of `queue.max_attempts`; `avoidSIM` is the SIM to pass over next time if any other can send.
    case retry(notBefore: Timestamp, countsAsAttempt: Bool, avoidSIM: String?)
    /// Final: failed, with the CMS/CME code when there was one and a reason for the history.
    case fail(code: Int?, reason: String)
    /// Leave it `unknown` until a status report resolves it (`queue.resend_unknown = false`).
    case keepUnknown
}
