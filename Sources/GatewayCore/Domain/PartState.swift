/// Where one part (one TPDU) of a message is; a single-part message has one.
public enum PartState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Not yet handed to a modem.
    case pending
    /// Handed to a modem; no `+CMGS` answer yet.
    case sending
    /// The network took it and gave it a TP-MR (3GPP TS 23.040 §9.2.3.6).
    case sent
    /// A status report said delivered (3GPP TS 23.040 §9.2.3.15, status 0x00-0x1F).
    case delivered
    /// Refused by the network, or a status report said failed permanently.
    case failed
    /// The attempt carrying it ended without an answer.
    case unknown
}
