/// How one attempt to hand a message to a modem ended.
public enum AttemptOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// In flight: started, not finished.
    case pending
    /// Every part was taken by the network.
    case sent
    /// The modem or network refused it (`+CMS ERROR`, timeout with a clear failure).
    case failed
    /// The sender stopped (crash, hang) between writing AT+CMGS and reading its answer.
    case unknown
}
