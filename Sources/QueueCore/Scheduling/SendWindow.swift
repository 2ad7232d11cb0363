import GatewayCore

/// Whether a message may go now (checked at each pick): not past its validity period, not
/// scheduled for later, not in quiet hours (marketing only, local time of `box.time_zone`).
public struct SendWindow: Sendable, Hashable {
    public var calendar: LocalCalendar
    public var quietHours: QuietHours?
    /// The classes quiet hours hold.
    public var quietClasses: Set<MessageClass>

    public init(calendar: LocalCalendar, quietHours: QuietHours?, quietClasses: Set<MessageClass> = [.marketing]) {
        self.calendar = calendar
        self.quietHours = quietHours
        self.quietClasses = quietClasses
    }

    public enum Decision: Sendable, Hashable {
        case sendNow
        /// Not before `until`; `reason` goes into the history.
        case hold(until: Timestamp, reason: HoldReason)
        /// Its validity ended (or ends before it could go): mark it expired.
        case expire(reason: String)
    }

    public enum HoldReason: String, Sendable, Hashable {
        case scheduled
        case quietHours = "quiet hours"
    }

    public func decide(messageClass: MessageClass, notBefore: Timestamp?, expiresAt: Timestamp?, now: Timestamp) -> Decision {
        if let expiresAt, now >= expiresAt { return .expire(reason: "validity period ended at \(expiresAt)") }
        var until = now
        var reason = HoldReason.scheduled
        if let notBefore, notBefore > until { until = notBefore }
        if quietClasses.contains(messageClass), let end = quietEnd(at: until) {
            until = end
            reason = .quietHours
        }
        guard until > now else { return .sendNow }
        if let expiresAt, until >= expiresAt {
            return .expire(reason: "validity period ends at \(expiresAt), before it may be sent (\(reason.rawValue) until \(until))")
        }
        return .hold(until: until, reason: reason)
    }

    /// When the quiet span holding `time` ends, or nil when `time` is outside it.
    public func quietEnd(at time: Timestamp) -> Timestamp? {
        guard let quietHours else { return nil }
        let (date, millisecond) = calendar.local(time)
        let minute = Int(millisecond / 60_000)
        guard quietHours.contains(minuteOfDay: minute) else { return nil }
        let endDay = minute < quietHours.end ? date : CivilDate(daysSince1970: date.daysSince1970 + 1)
        let end = calendar.instant(of: endDay, millisecondOfDay: Int64(quietHours.end) * 60_000)
        return end > time ? end : nil
    }
}
