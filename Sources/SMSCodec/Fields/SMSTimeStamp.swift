/// A service-centre time stamp or discharge time: seven semi-octet pairs, the last the
/// offset from UTC in quarter hours with its sign in bit 3 (3GPP TS 23.040 §9.2.3.11).
public struct SMSTimeStamp: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Offset from UTC in quarter hours, -79...79.
    public var offsetQuarterHours: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetQuarterHours: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetQuarterHours = offsetQuarterHours
    }

    /// ISO 8601 with the offset, e.g. `2007-06-05T13:56:30+02:00`.
    public var iso8601: String {
        let offsetMinutes = abs(offsetQuarterHours) * 15
        let sign = offsetQuarterHours < 0 ? "-" : "+"
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))"
            + "\(sign)\(pad(offsetMinutes / 60)):\(pad(offsetMinutes % 60))"
    }

    /// The seven octets (years 2000-2099 as two digits).
    public var octets: [UInt8] {
        let zone = abs(offsetQuarterHours)
        let zoneOctet = UInt8(zone / 10) | UInt8(zone % 10) << 4 | (offsetQuarterHours < 0 ? 0x08 : 0)
        return [year % 100, month, day, hour, minute, second].map { UInt8($0 / 10) | UInt8($0 % 10) << 4 } + [zoneOctet]
    }

    static func read(_ reader: inout OctetReader, _ field: SMSDecodingError.Field) throws(SMSDecodingError) -> SMSTimeStamp {
        let start = reader.position
        let octets = Array(try reader.octets(7, field))
        var values: [Int] = []
        for (index, octet) in octets.prefix(6).enumerated() {
            let tens = octet & 0x0F
            let units = octet >> 4
            guard tens <= 9 else { throw SMSDecodingError(field, .invalidSemiOctet(tens), at: start + index) }
            guard units <= 9 else { throw SMSDecodingError(field, .invalidSemiOctet(units), at: start + index) }
            values.append(Int(tens) * 10 + Int(units))
        }
        let zone = octets[6]
        guard zone >> 4 <= 9 else { throw SMSDecodingError(field, .invalidSemiOctet(zone >> 4), at: start + 6) }
        let quarters = Int(zone & 0x07) * 10 + Int(zone >> 4)
        // Two-digit years: 90-99 are the 1990s (GSM phase 1), the rest this century.
        let year = values[0] >= 90 ? 1900 + values[0] : 2000 + values[0]
        return SMSTimeStamp(
            year: year, month: values[1], day: values[2], hour: values[3], minute: values[4], second: values[5],
            offsetQuarterHours: zone & 0x08 != 0 ? -quarters : quarters
        )
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
