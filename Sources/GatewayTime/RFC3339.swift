/// RFC 3339 §5.6 date-time, `2026-11-29T18:30:00Z` or with a fraction and an offset
/// (`2026-11-29T19:30:00.250+01:00`), read into a `Timestamp` (milliseconds since 1970 UTC;
/// digits past the millisecond are dropped), and written back in UTC with milliseconds (the
/// HTTP API's and the webhooks' times).
public enum RFC3339 {
    /// The instant `text` names, or nil when it is not an RFC 3339 date-time (a leap second
    /// `:60` is read as `:59`).
    public static func parse(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }
        func expect(_ allowed: String) -> Bool {
            guard index < bytes.count, allowed.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              expect("Tt "), let hour = digits(2), expect(":"), let minute = digits(2), expect(":"), let second = digits(2)
        else { return nil }
        var milliseconds = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 100
            var count = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                milliseconds += Int(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
                count += 1
            }
            guard count > 0 else { return nil }
        }
        var offsetMinutes = 0
        if expect("Zz") {
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHours = digits(2), expect(":"), let offsetMinute = digits(2), offsetHours < 24, offsetMinute < 60 else { return nil }
            offsetMinutes = sign * (offsetHours * 60 + offsetMinute)
        } else {
            return nil
        }
        guard index == bytes.count, (1...12).contains(month),
              (1...CivilDate.daysIn(month: Int64(month), year: Int64(year))).contains(Int64(day)),
              hour < 24, minute < 60, second <= 60
        else { return nil }
        let days = Int(CivilDate(year: Int64(year), month: Int64(month), day: Int64(day)).daysSince1970)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetMinutes * 60
        return Timestamp(millisecondsSince1970: Int64(seconds) * 1000 + Int64(milliseconds))
    }

    /// `timestamp` in UTC with milliseconds: `2026-11-29T18:53:08.123Z`.
    public static func format(_ timestamp: Timestamp) -> String {
        let time = CivilDateTime(utc: timestamp)
        return pad(time.date.year, 4) + "-" + pad(time.date.month, 2) + "-" + pad(time.date.day, 2) + "T"
            + pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2) + "." + pad(time.millisecond, 3) + "Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
