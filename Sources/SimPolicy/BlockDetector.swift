import GatewayCore

/// Decides from a SIM's recent evidence whether its operator barred it (docs/simd.md, step 3
/// of the loop). Pure: the caller reads the evidence from the store and modemd's events.
public struct BlockDetector: Sendable {
    public var rules: BlockDetection

    public init(rules: BlockDetection) { self.rules = rules }

    /// What a SIM has shown lately.
    public struct Evidence: Sendable, Equatable {
        /// CMS cause of each finished send (nil: it did not fail), newest first.
        public var sendFailures: [Int?]
        /// TP-ST of the latest status reports, newest first (3GPP TS 23.040 §9.2.3.15).
        public var reportStatuses: [Int]
        /// Times it lost registration while on air (denied or not registered).
        public var registrationLosses: [Timestamp]

        public init(sendFailures: [Int?] = [], reportStatuses: [Int] = [], registrationLosses: [Timestamp] = []) {
            self.sendFailures = sendFailures
            self.reportStatuses = reportStatuses
            self.registrationLosses = registrationLosses
        }
    }

    /// Why the SIM counts as barred: kept with the quarantine as evidence.
    public enum Verdict: Sendable, Equatable, CustomStringConvertible {
        case barringFailures(causes: [Int])
        case failedReports(failed: Int, of: Int)
        case registrationLosses(count: Int)

        public var description: String {
            switch self {
            case .barringFailures(let causes):
                "\(causes.count) sends in a row failed with barring causes (CMS \(causes.map(String.init).joined(separator: ", ")))"
            case .failedReports(let failed, let total): "\(failed) of the last \(total) status reports failed"
            case .registrationLosses(let count): "lost registration \(count) times within an hour"
            }
        }

        /// The evidence as a JSON object (the store keeps it as text).
        public var json: String {
            switch self {
            case .barringFailures(let causes): #"{"kind":"barring_failures","cms":[\#(causes.map(String.init).joined(separator: ","))]}"#
            case .failedReports(let failed, let total): #"{"kind":"failed_reports","failed":\#(failed),"of":\#(total)}"#
            case .registrationLosses(let count): #"{"kind":"registration_losses","count":\#(count)}"#
            }
        }
    }

    /// The first rule the evidence breaks, or nil.
    public func verdict(_ evidence: Evidence, now: Timestamp) -> Verdict? {
        let k = rules.failuresInARow
        if k > 0, evidence.sendFailures.count >= k {
            let latest = Array(evidence.sendFailures.prefix(k))
            if latest.allSatisfy(BarringCauses.isBarring) { return .barringFailures(causes: latest.compactMap { $0 }) }
        }
        let window = rules.reportWindow
        if window > 0, evidence.reportStatuses.count >= window {
            // TP-ST 0x40…0x7F: permanent failure; 0x60…: temporary, SC stopped trying (§9.2.3.15).
            let failed = evidence.reportStatuses.prefix(window).filter { $0 >= 0x40 }.count
            if Double(failed) >= rules.failedReportRatio * Double(window) { return .failedReports(failed: failed, of: window) }
        }
        let losses = evidence.registrationLosses.filter { $0 > now - .seconds(3600) }.count
        if rules.registrationLossesPerHour > 0, losses >= rules.registrationLossesPerHour {
            return .registrationLosses(count: losses)
        }
        return nil
    }
}
