import GatewayCore
import SMSCodec

/// Service-centre time stamps (3GPP TS 23.040 §9.2.3.11) for simulated traffic: a fixed
/// epoch plus the simulator's elapsed time, so that runs repeat and tests can predict them.
enum SimulatedClockTime {
    /// 2024-01-01 00:00:00 UTC, the simulated network's start.
    static func stamp(at elapsed: Duration) -> SMSTimeStamp {
        let time = CivilDateTime(utc: epoch + elapsed)
        return SMSTimeStamp(
            year: Int(time.date.year), month: Int(time.date.month), day: Int(time.date.day), hour: Int(time.hour),
            minute: Int(time.minute), second: Int(time.second), offsetQuarterHours: 0)
    }

    static let epoch = CivilDate(year: 2024, month: 1, day: 1).utcMidnight
}
