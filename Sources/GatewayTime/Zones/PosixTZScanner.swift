/// The lexical pieces of a POSIX TZ string (POSIX.1-2017 §8.3): names, offsets, rule dates.
struct PosixTZScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or `<...>` quoted (may hold digits and signs).
    mutating func skipName() throws(ZoneRulesError) {
        if take("<") {
            while let byte = peek, byte != UInt8(ascii: ">") { index += 1 }
            guard take(">") else { throw ZoneRulesError("TZ rule: unterminated <name>") }
            return
        }
        let begin = index
        while let byte = peek, (65...90).contains(byte) || (97...122).contains(byte) { index += 1 }
        guard index - begin >= 3 else { throw ZoneRulesError("TZ rule: a zone name needs 3 or more letters") }
    }

    /// `[+|-]hh[:mm[:ss]]` in seconds, sign as written.
    mutating func offset() throws(ZoneRulesError) -> Int {
        var sign = 1
        if take("-") { sign = -1 } else { _ = take("+") }
        let hours = try number(maximum: 167)
        var seconds = hours * 3600
        if take(":") {
            seconds += try number(maximum: 59) * 60
            if take(":") { seconds += try number(maximum: 59) }
        }
        return sign * seconds
    }

    /// `Jn`, `n` or `Mm.w.d`, then an optional `/time`.
    mutating func transitionDate() throws(ZoneRulesError) -> PosixTZRule.TransitionDate {
        let day: PosixTZRule.TransitionDate.Day
        if take("J") {
            let n = try number(maximum: 365)
            guard n >= 1 else { throw ZoneRulesError("TZ rule: Jn counts from 1") }
            day = .julian(n)
        } else if take("M") {
            let month = try number(maximum: 12)
            guard take("."), month >= 1 else { throw ZoneRulesError("TZ rule: malformed Mm.w.d") }
            let week = try number(maximum: 5)
            guard take("."), week >= 1 else { throw ZoneRulesError("TZ rule: malformed Mm.w.d") }
            day = .monthWeekDay(month: month, week: week, weekday: try number(maximum: 6))
        } else {
            day = .zeroBased(try number(maximum: 365))
        }
        let time = take("/") ? try offset() : 7200
        return PosixTZRule.TransitionDate(day: day, time: time)
    }

    private mutating func number(maximum: Int) throws(ZoneRulesError) -> Int {
        var value = 0, digits = 0
        while let byte = peek, (48...57).contains(byte), digits < 3 {
            value = value * 10 + Int(byte - 48)
            digits += 1
            index += 1
        }
        guard digits > 0, value <= maximum else { throw ZoneRulesError("TZ rule: expected a number up to \(maximum)") }
        return value
    }
}
