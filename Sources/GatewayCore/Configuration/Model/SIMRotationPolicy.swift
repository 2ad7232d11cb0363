/// A SIM group's rotation policy (`[[sim_groups]]`, docs/configuration.md "SIM rotation"):
/// when `smsgw-simd` takes a SIM off the air and puts another of the same modem on, how long
/// a rotated SIM rests, which local hours the group may work, and the evidence that a SIM
/// was barred by its operator. A SIM follows the policy of the first group it names.
public struct SIMRotationPolicy: Sendable, Equatable {
    /// Rotate after this many messages on air (0: never by count).
    public var rotateAfterMessages: Int
    /// Rotate after this long on air (zero: never by time).
    public var rotateAfter: Duration
    /// Each threshold above is drawn per stint in ± this percent of it ("human" rotation).
    public var rotateJitterPercent: Int
    /// A SIM rotated off rests this long before it may come back on air.
    public var cooldownAfterRotation: Duration
    /// Distinct recipients a SIM may reach per local month (0: no cap).
    public var uniqueRecipientsPerMonth: Int
    /// Local hours (box.time_zone) in which the group's SIMs may be on air; nil: always.
    public var activeHours: QuietHours?
    public var blockDetection: BlockDetection

    public init(rotateAfterMessages: Int, rotateAfter: Duration, rotateJitterPercent: Int,
                cooldownAfterRotation: Duration, uniqueRecipientsPerMonth: Int, activeHours: QuietHours?,
                blockDetection: BlockDetection) {
        self.rotateAfterMessages = rotateAfterMessages
        self.rotateAfter = rotateAfter
        self.rotateJitterPercent = rotateJitterPercent
        self.cooldownAfterRotation = cooldownAfterRotation
        self.uniqueRecipientsPerMonth = uniqueRecipientsPerMonth
        self.activeHours = activeHours
        self.blockDetection = blockDetection
    }
}

/// `[sim_groups].block_detection`: when a SIM counts as barred by its operator and is
/// quarantined. Each threshold at 0 turns its check off.
public struct BlockDetection: Sendable, Equatable {
    /// Sends failing in a row with a barring cause (3GPP TS 24.011 §8.2.5.4 / TS 27.005 §3.2.5).
    public var failuresInARow: Int
    /// Share of failed status reports (TP-ST ≥ 0x40, 3GPP TS 23.040 §9.2.3.15) among the last
    /// `reportWindow` reports of the SIM.
    public var failedReportRatio: Double
    /// How many of the latest reports the ratio is taken over (it is judged only when full).
    public var reportWindow: Int
    /// Registration losses within one hour (+CREG stat 3 "denied" or 0 while on air).
    public var registrationLossesPerHour: Int

    public init(failuresInARow: Int, failedReportRatio: Double, reportWindow: Int, registrationLossesPerHour: Int) {
        self.failuresInARow = failuresInARow
        self.failedReportRatio = failedReportRatio
        self.reportWindow = reportWindow
        self.registrationLossesPerHour = registrationLossesPerHour
    }
}
