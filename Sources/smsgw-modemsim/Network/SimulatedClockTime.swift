import SMSCodec

/// Service-centre time stamps (3GPP TS 23.040 §9.2.3.11) for simulated traffic: a fixed
/// epoch plus the simulator's elapsed time, so that runs repeat and tests can predict them.
enum SimulatedClockTime {
    /// 2024-01-01 00:00:00 UTC, the simulated network's start.
    static func stamp(at elapsed: Duration) -> SMSTimeStamp {
        let total = Int(elapsed.components.seconds)
        var days = total / 86_400
        let seconds = total % 86_400
        var year = 2024
        var month = 1
        while true {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            if days < length { break }
            days -= length
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return SMSTimeStamp(
            year: year, month: month, day: days + 1, hour: seconds / 3600, minute: seconds % 3600 / 60,
            second: seconds % 60, offsetQuarterHours: 0)
    }
}
