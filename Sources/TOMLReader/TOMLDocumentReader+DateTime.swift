import GatewayTime

// Date-times (TOML 1.0, "Offset Date-Time", "Local Date-Time", "Local Date", "Local Time"),
// in the RFC 3339 forms TOML allows: `T`, `t` or a space between date and time; `Z`, `z` or
// `±HH:MM` offsets; seconds required; fractions truncated to nanoseconds.

extension TOMLDocumentReader {
    mutating func readDateTime() throws(TOMLError) -> TOMLDateTime {
        if cursor.peek(2) == UInt8(ascii: ":") {
            return TOMLDateTime(date: nil, time: try readTime())
        }
        let date = try readDate()
        let separator = cursor.current
        let timeFollows = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == UInt8(ascii: " ") && cursor.peek(1)?.isASCIIDigit == true)
        guard timeFollows else { return TOMLDateTime(date: date, time: nil) }
        cursor.advance()
        let time = try readTime()
        return TOMLDateTime(date: date, time: time, offsetMinutes: try readOffset())
    }

    /// `YYYY-MM-DD`, a real day of the proleptic Gregorian calendar.
    private mutating func readDate() throws(TOMLError) -> TOMLDateTime.Date {
        let position = cursor.position
        let year = try readDigits(4, "the year")
        try expect(UInt8(ascii: "-"), "between year and month")
        let month = try readDigits(2, "the month")
        try expect(UInt8(ascii: "-"), "between month and day")
        let day = try readDigits(2, "the day")
        guard (1...12).contains(month) else { throw TOMLError("month \(month) is not 01 to 12", at: position) }
        guard (1...CivilDate.daysIn(month: Int64(month), year: Int64(year))).contains(Int64(day)) else {
            throw TOMLError("day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month)", at: position)
        }
        return TOMLDateTime.Date(year: year, month: month, day: day)
    }

    /// `HH:MM:SS[.fraction]`; second 60 is a leap second (RFC 3339 §5.6).
    private mutating func readTime() throws(TOMLError) -> TOMLDateTime.Time {
        let position = cursor.position
        let hour = try readDigits(2, "the hour")
        try expect(UInt8(ascii: ":"), "between hour and minute")
        let minute = try readDigits(2, "the minute")
        try expect(UInt8(ascii: ":"), "between minute and second (TOML 1.0 requires seconds)")
        let second = try readDigits(2, "the second")
        guard hour < 24, minute < 60, second <= 60 else {
            throw TOMLError("time \(hour):\(minute):\(second) is out of range (00:00:00 to 23:59:60)", at: position)
        }
        var nanosecond = 0
        if cursor.consume(UInt8(ascii: ".")) {
            guard cursor.current?.isASCIIDigit == true else {
                throw TOMLError("expected digits after the decimal point of the seconds, found \(cursor.describeCurrent)",
                                at: cursor.position)
            }
            var scale = 100_000_000
            while let byte = cursor.current, byte.isASCIIDigit {
                nanosecond += Int(byte - UInt8(ascii: "0")) * scale
                scale /= 10
                cursor.advance()
            }
        }
        return TOMLDateTime.Time(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
    }

    /// `Z`, `z`, `+HH:MM` or `-HH:MM` as minutes east of UTC; nil when absent (local).
    private mutating func readOffset() throws(TOMLError) -> Int? {
        if cursor.consume(UInt8(ascii: "Z")) || cursor.consume(UInt8(ascii: "z")) { return 0 }
        guard let sign = cursor.current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let position = cursor.position
        cursor.advance()
        let hours = try readDigits(2, "the offset hours")
        try expect(UInt8(ascii: ":"), "in the offset")
        let minutes = try readDigits(2, "the offset minutes")
        guard hours < 24, minutes < 60 else {
            throw TOMLError("offset \(hours):\(minutes) is out of range (00:00 to 23:59)", at: position)
        }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
    }

    private mutating func readDigits(_ count: Int, _ what: String) throws(TOMLError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let byte = cursor.current, byte.isASCIIDigit else {
                throw TOMLError("expected \(count) digits for \(what), found \(cursor.describeCurrent)", at: cursor.position)
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            cursor.advance()
        }
        return value
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(TOMLError) {
        guard cursor.consume(byte) else {
            throw TOMLError("expected '\(UnicodeScalar(byte))' \(what), found \(cursor.describeCurrent)", at: cursor.position)
        }
    }
}
