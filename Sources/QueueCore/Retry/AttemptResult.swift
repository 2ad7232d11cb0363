/// How an attempt ended, as the queue classifies it (the daemon maps modemd's `SendOutcome`
/// and `SendFailure.category` onto it).
public enum AttemptResult: Sendable, Hashable {
    /// Every part was taken by the network.
    case sent
    /// Worth trying again later, preferably on another SIM (network busy, no service, timeout
    /// with a clear failure). `code`: the CMS/CME error, when there was one.
    case temporaryFailure(code: Int?, detail: String)
    /// The message cannot be sent as written (bad destination, barred, invalid PDU).
    case permanentFailure(code: Int?, detail: String)
    /// The modem or its SIM is at fault (SIM failure, PIN needed): the message is not.
    case deviceFault(code: Int?, detail: String)
    /// Nothing reached the modem (not ready, queue full, rejected before AT+CMGS): safe to
    /// retry at once, and the attempt does not count.
    case notAttempted(detail: String)
    /// The sender stopped between writing AT+CMGS and reading its answer.
    case unknown(detail: String)
}
