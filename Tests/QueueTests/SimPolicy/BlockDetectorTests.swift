import GatewayCore
import SimPolicy
import Testing

/// Block detection: evidence in, a verdict (kept as the quarantine's evidence) out.
@Suite("SimPolicy: block detection")
struct BlockDetectorTests {
    static let now = Timestamp(secondsSince1970: 1_772_366_400)
    static let detector = BlockDetector(rules: ConfigurationDefaults.blockDetection)  // K 5, 0.8 of 20, 3 per hour

    @Test("K sends in a row failing with barring causes quarantine; K−1 do not", arguments: [
        ([21, 21, 21, 21, 21] as [Int?], true),        // the simulator's block-sim: CMS 21 each time
        ([8, 10, 21, 29, 50], true),                   // every barring cause of the table counts
        ([21, 21, 21, 21], false),                     // one short of K
        ([21, 21, nil, 21, 21, 21], false),            // a success breaks the run (newest first)
        ([21, 21, 21, 21, 330], false),                // 330 "SMSC address unknown" is a set-up fault, not barring
        ([42, 42, 42, 42, 42], false),                 // 42 congestion: temporary, the network's, not the SIM's
    ])
    func failuresInARow(causes: [Int?], barred: Bool) {
        let verdict = Self.detector.verdict(.init(sendFailures: causes), now: Self.now)
        #expect((verdict != nil) == barred)
        if barred { #expect(verdict == .barringFailures(causes: causes.prefix(5).compactMap { $0 })) }
    }

    @Test("failed status reports: judged once 20 arrived, at 80 % failed")
    func reportRatio() {
        let sixteenFailed = Array(repeating: 0x41, count: 16) + Array(repeating: 0x00, count: 4)
        #expect(Self.detector.verdict(.init(reportStatuses: sixteenFailed), now: Self.now) == .failedReports(failed: 16, of: 20))
        let fifteen = Array(repeating: 0x41, count: 15) + Array(repeating: 0x00, count: 5)
        #expect(Self.detector.verdict(.init(reportStatuses: fifteen), now: Self.now) == nil)
        // Nineteen failed reports are not yet a window.
        #expect(Self.detector.verdict(.init(reportStatuses: Array(repeating: 0x41, count: 19)), now: Self.now) == nil)
        // 0x20…0x3F: the SC still tries (not final), not counted as failed.
        #expect(Self.detector.verdict(.init(reportStatuses: Array(repeating: 0x30, count: 20)), now: Self.now) == nil)
    }

    @Test("registration losses count only within the last hour")
    func registrationLosses() {
        let recent = [Self.now - .seconds(10), Self.now - .seconds(600), Self.now - .seconds(3599)]
        #expect(Self.detector.verdict(.init(registrationLosses: recent), now: Self.now) == .registrationLosses(count: 3))
        let stale = [Self.now - .seconds(10), Self.now - .seconds(600), Self.now - .seconds(3600)]
        #expect(Self.detector.verdict(.init(registrationLosses: stale), now: Self.now) == nil)
    }

    @Test("a rule at 0 is off; the verdict's evidence is JSON")
    func offAndEvidence() {
        let off = BlockDetector(rules: BlockDetection(failuresInARow: 0, failedReportRatio: 0.8, reportWindow: 0,
                                                      registrationLossesPerHour: 0))
        #expect(off.verdict(.init(sendFailures: Array(repeating: 21, count: 9), registrationLosses: [Self.now]), now: Self.now) == nil)
        #expect(BlockDetector.Verdict.barringFailures(causes: [21, 8]).json == #"{"kind":"barring_failures","cms":[21,8]}"#)
    }
}
