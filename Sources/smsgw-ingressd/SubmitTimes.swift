import GatewayCore
import SMPPCodec

/// schedule_delivery_time and validity_period of a submit (SMPP 3.4 §4.4.1, times in the
/// format of §7.1.1) as the store's not-before and expiry instants. Pure: `now` is the
/// receipt time a relative time counts from.
struct SubmitTimes: Hashable, Sendable {
    /// When to send at the earliest; nil = now (also for a schedule already past).
    var scheduleAt: Timestamp?
    var expiresAt: Timestamp

    /// Expiry when validity_period is empty: 48 hours after the message may first be sent.
    static let defaultValidity: Duration = .seconds(48 * 3600)
    /// The longest validity kept: a later validity_period is cut to 7 days after the message
    /// may first be sent (a box does not hold traffic for weeks).
    static let maximumValidity: Duration = .seconds(7 * 24 * 3600)
    /// The furthest schedule taken: 7 days from now.
    static let maximumSchedule: Duration = .seconds(7 * 24 * 3600)

    /// Refuses an unreadable or impossible schedule with ESME_RINVSCHED (0x61); an
    /// unreadable validity, one already past, or one not after the schedule with
    /// ESME_RINVEXPIRY (0x62).
    init(schedule: SMPPTime?, validity: SMPPTime?, now: Timestamp,
         defaultValidity: Duration = Self.defaultValidity) throws(SubmitRefusal) {
        var start = now
        if let schedule {
            let at: Int64
            do { at = try schedule.instant(receivedAt: now.millisecondsSince1970) } catch {
                throw SubmitRefusal(.invalidScheduledDeliveryTime, "schedule_delivery_time \(schedule): \(error)")
            }
            let instant = Timestamp(millisecondsSince1970: at)
            guard instant <= now + Self.maximumSchedule else {
                throw SubmitRefusal(.invalidScheduledDeliveryTime, "schedule_delivery_time \(schedule) is more than 7 days ahead")
            }
            if instant > now {
                scheduleAt = instant
                start = instant
            }
        }
        guard let validity else {
            expiresAt = start + defaultValidity
            return
        }
        let at: Int64
        do { at = try validity.instant(receivedAt: now.millisecondsSince1970) } catch {
            throw SubmitRefusal(.invalidValidityPeriod, "validity_period \(validity): \(error)")
        }
        let instant = Timestamp(millisecondsSince1970: at)
        guard instant > now else { throw SubmitRefusal(.invalidValidityPeriod, "validity_period \(validity) has already passed") }
        guard instant > start else {
            throw SubmitRefusal(.invalidValidityPeriod, "validity_period \(validity) ends before schedule_delivery_time")
        }
        expiresAt = min(instant, start + Self.maximumValidity)
    }
}
