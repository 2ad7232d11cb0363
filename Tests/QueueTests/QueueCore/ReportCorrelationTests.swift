import GatewayCore
import QueueCore
import Testing

/// Matching a status report to its part (3GPP TS 23.040 §9.2.3.6).
@Suite("Status report correlation")
struct ReportCorrelationTests {
    static let now = Timestamp(secondsSince1970: 1_700_000_000)
    static let window = Duration.seconds(2 * 86400)

    static func part(_ id: Int64, mr: UInt8?, at secondsAgo: Int64, modem: Int64 = 1, sim: Int64? = 7,
                     to recipient: String = "+31612345678", state: PartState = .sent) -> PartCandidate {
        PartCandidate(partID: id, messageID: id * 10, modemID: modem, simID: sim, messageReference: mr,
                      recipient: recipient, submittedAt: now - .seconds(secondsAgo), state: state)
    }

    static func report(mr: UInt8, modem: Int64 = 1, sim: Int64? = 7, to recipient: String = "+31612345678") -> ReportFacts {
        ReportFacts(modemID: modem, simID: sim, messageReference: mr, recipient: recipient, receivedAt: now)
    }

    /// TP-MR wrapped: 256 submits ago the same MR went to the same number; the recent one wins.
    @Test func wrapMostRecentWins() {
        let candidates = [Self.part(1, mr: 5, at: 3_600), Self.part(2, mr: 5, at: 60), Self.part(3, mr: 6, at: 30)]
        #expect(ReportCorrelation.match(Self.report(mr: 5), among: candidates, window: Self.window)?.partID == 2)
    }

    static let vectors: [(candidates: [PartCandidate], report: ReportFacts, expected: Int64?)] = [
        // Outside the window: a stale part with the same MR is not matched.
        ([part(1, mr: 5, at: 3 * 86400)], report(mr: 5), nil),
        // Submitted after the report arrived: cannot be its subject.
        ([part(1, mr: 5, at: -10)], report(mr: 5), nil),
        // Another modem's part with the same MR.
        ([part(1, mr: 5, at: 60, modem: 2)], report(mr: 5), nil),
        // Another SIM of the same modem (dual-SIM): not it.
        ([part(1, mr: 5, at: 60, sim: 8)], report(mr: 5), nil),
        // The report does not know the SIM: modem, MR and recipient suffice.
        ([part(1, mr: 5, at: 60, sim: 8)], report(mr: 5, sim: nil), 1),
        // Another recipient with the same MR.
        ([part(1, mr: 5, at: 60, to: "+31698765432")], report(mr: 5), nil),
        // The SC answered with the national format (TP-RA type unknown): same subscriber.
        ([part(1, mr: 5, at: 60)], report(mr: 5, to: "0612345678"), 1),
        // An unknown part (died before +CMGS, no MR) matches on the rest.
        ([part(1, mr: nil, at: 60, state: .unknown)], report(mr: 77), 1),
        // A part with a matching MR is preferred to an unknown one, even an older one.
        ([part(1, mr: nil, at: 30, state: .unknown), part(2, mr: 77, at: 90)], report(mr: 77), 2),
        // A pending part (never handed over) is never a match.
        ([part(1, mr: nil, at: 60, state: .pending)], report(mr: 77), nil),
    ]

    @Test(arguments: vectors)
    func matching(candidates: [PartCandidate], report: ReportFacts, expected: Int64?) {
        #expect(ReportCorrelation.match(report, among: candidates, window: Self.window)?.partID == expected)
    }

    @Test(arguments: [
        ("+31612345678", "31612345678", true),  // "+" or not
        ("+31612345678", "0612345678", true),   // national with trunk prefix
        ("+31612345678", "+31612345679", false),
        ("+3161", "61", false),                 // too short to trust a suffix
        ("", "", false),                        // no digits at all
    ])
    func recipients(lhs: String, rhs: String, same: Bool) {
        #expect(RecipientMatch.same(lhs, rhs) == same)
        #expect(RecipientMatch.same(rhs, lhs) == same)
    }
}
