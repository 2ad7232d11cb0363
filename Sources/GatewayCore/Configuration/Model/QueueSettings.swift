/// `[queue]`: how smsgw-queued paces SIMs, retries failed attempts, correlates status reports
/// and holds marketing traffic at night (docs/configuration.md, "[queue]").
public struct QueueSettings: Sendable, Equatable {
    /// Attempts a message gets (the first included) before a temporary failure becomes final.
    public var maxAttempts: Int
    /// Back-off before the first retry; each later retry waits twice as long as the one before.
    public var retryDelay: Duration
    /// The longest back-off between two attempts.
    public var retryDelayMax: Duration
    /// Random spread of each back-off, in percent of it (20: the wait is 80% to 120% of it).
    public var retryJitterPercent: Int
    /// Whether a message whose attempt ended `unknown` is sent again (risking a duplicate).
    public var resendUnknown: Bool
    /// The most random time added to a SIM's `cooldown` after each message ("human" pacing).
    public var sendJitter: Duration
    /// A recipient who got a message from a SIM within this time gets the next one from it too.
    public var stickyWindow: Duration
    /// How long after a part's submission a status report may still be matched to it.
    public var reportWindow: Duration
    /// Local hours (box.time_zone) in which marketing messages are held; nil: none.
    public var quietHours: QuietHours?
    /// The safety-net sweep's period (held → queued, expiry, missed wake-ups).
    public var sweepInterval: Duration

    public init(
        maxAttempts: Int, retryDelay: Duration, retryDelayMax: Duration, retryJitterPercent: Int,
        resendUnknown: Bool, sendJitter: Duration, stickyWindow: Duration, reportWindow: Duration,
        quietHours: QuietHours?, sweepInterval: Duration
    ) {
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.retryDelayMax = retryDelayMax
        self.retryJitterPercent = retryJitterPercent
        self.resendUnknown = resendUnknown
        self.sendJitter = sendJitter
        self.stickyWindow = stickyWindow
        self.reportWindow = reportWindow
        self.quietHours = quietHours
        self.sweepInterval = sweepInterval
    }
}

/// A daily span of local wall-clock time, `start` inclusive, `end` exclusive; it crosses
/// midnight when `end` is before `start` ("21:00-08:00").
public struct QuietHours: Sendable, Hashable, CustomStringConvertible {
    /// Minutes after local midnight, 0 ..< 1440.
    public var start: Int
    public var end: Int

    /// nil unless both are in 0 ..< 1440 and differ (an empty span is written as "off").
    public init?(startMinute: Int, endMinute: Int) {
        guard (0..<1440).contains(startMinute), (0..<1440).contains(endMinute), startMinute != endMinute else { return nil }
        self.start = startMinute
        self.end = endMinute
    }

    /// Parses "HH:MM-HH:MM" (24-hour clock); nil when malformed.
    public init?(parsing text: String) {
        let halves = text.split(separator: "-", omittingEmptySubsequences: false)
        guard halves.count == 2, let start = Self.minute(halves[0]), let end = Self.minute(halves[1]) else { return nil }
        self.init(startMinute: start, endMinute: end)
    }

    /// Whether `minute` (after local midnight) falls inside the span.
    public func contains(minuteOfDay minute: Int) -> Bool {
        start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
    }

    public var description: String { "\(Self.text(start))-\(Self.text(end))" }

    private static func minute(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { return nil }
        return hour * 60 + minute
    }

    private static func text(_ minute: Int) -> String {
        let hour = minute / 60, rest = minute % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
