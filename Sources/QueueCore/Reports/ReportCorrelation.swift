import GatewayCore

/// A part that a status report might be about.
public struct PartCandidate: Sendable, Hashable {
    public var partID: Int64
    public var messageID: Int64
    public var modemID: Int64
    public var simID: Int64?
    /// TP-MR from `+CMGS` (3GPP TS 23.040 §9.2.3.6); nil when the attempt ended unknown.
    public var messageReference: UInt8?
    /// The destination, international format.
    public var recipient: String
    public var submittedAt: Timestamp
    public var state: PartState

    public init(partID: Int64, messageID: Int64, modemID: Int64, simID: Int64?, messageReference: UInt8?,
                recipient: String, submittedAt: Timestamp, state: PartState) {
        self.partID = partID
        self.messageID = messageID
        self.modemID = modemID
        self.simID = simID
        self.messageReference = messageReference
        self.recipient = recipient
        self.submittedAt = submittedAt
        self.state = state
    }
}

/// What of a status report (3GPP TS 23.040 §9.2.2.3) correlation uses.
public struct ReportFacts: Sendable, Hashable {
    public var modemID: Int64
    public var simID: Int64?
    /// TP-MR (§9.2.3.6) of the SMS-SUBMIT reported on.
    public var messageReference: UInt8
    /// TP-RA (§9.2.3.14).
    public var recipient: String
    /// When modemd received it.
    public var receivedAt: Timestamp

    public init(modemID: Int64, simID: Int64?, messageReference: UInt8, recipient: String, receivedAt: Timestamp) {
        self.modemID = modemID
        self.simID = simID
        self.messageReference = messageReference
        self.recipient = recipient
        self.receivedAt = receivedAt
    }
}

/// Matches a status report to the part it reports on (3GPP TS 23.040 §9.2.2.3). TP-MR is
/// one octet and wraps after 256 submits (§9.2.3.6), so the reference alone is ambiguous:
/// a part matches when modem, SIM (when both are known), TP-MR and recipient agree and it was
/// submitted within `window` before the report arrived; of those, the most recent submit wins.
/// An `unknown` part (no TP-MR: its attempt died before `+CMGS`) matches on the rest, and only
/// when no part matches with its TP-MR.
public enum ReportCorrelation {
    public static func match(_ report: ReportFacts, among candidates: [PartCandidate], window: Duration) -> PartCandidate? {
        let earliest = report.receivedAt - window
        let plausible = candidates.filter { part in
            part.modemID == report.modemID
                && (part.simID == nil || report.simID == nil || part.simID == report.simID)
                && part.submittedAt >= earliest && part.submittedAt <= report.receivedAt
                && part.state != .pending
                && RecipientMatch.same(part.recipient, report.recipient)
        }
        let byReference = plausible.filter { $0.messageReference == report.messageReference }
        let pool = byReference.isEmpty ? plausible.filter { $0.messageReference == nil && $0.state == .unknown } : byReference
        return pool.max { ($0.submittedAt, $0.partID) < ($1.submittedAt, $1.partID) }
    }
}

/// Whether two renderings of a number are the same subscriber: equal digits, or, when one came
/// back in national format (TP-RA type of number "unknown"/"national", §9.1.2.5), the national
/// significant number of one (at least 7 digits, leading zeros dropped) ends the other.
public enum RecipientMatch {
    public static func same(_ lhs: String, _ rhs: String) -> Bool {
        let left = digits(lhs), right = digits(rhs)
        if left == right { return !left.isEmpty }
        let a = Substring(left).drop { $0 == "0" }, b = Substring(right).drop { $0 == "0" }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return short.count >= 7 && long.hasSuffix(short)
    }

    private static func digits(_ text: String) -> String { String(text.filter { ("0"..."9").contains($0) }) }
}
