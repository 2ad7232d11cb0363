/// A time in the format of SMPP 3.4 §7.1.1, "YYMMDDhhmmsstnnp": absolute (p is `+` or `-`:
/// local time, tenths of a second, and the offset from UTC in quarter hours) or relative
/// (p is `R`: an interval from now, "tnn" is "000"). schedule_delivery_time, validity_period
/// and final_date carry it; an empty C-octet string means "none" and is nil, not a time.
public enum SMPPTime: Hashable, Sendable, CustomStringConvertible {
    case absolute(Absolute)
    case relative(Relative)

    /// §7.1.1.1: local time with its offset from UTC.
    public struct Absolute: Hashable, Sendable {
        /// Two digits, 00–99, as on the wire (the century is the reader's to choose).
        public var year: UInt8
        public var month: UInt8
        public var day: UInt8
        public var hour: UInt8
        public var minute: UInt8
        public var second: UInt8
        public var tenths: UInt8
        /// 0–48 quarter hours between this local time and UTC.
        public var quarterHours: UInt8
        /// `+`: local time is ahead of UTC; `-`: behind. Kept apart from quarterHours so that
        /// "00-" survives a round trip.
        public var isAheadOfUTC: Bool

        public init(year: UInt8, month: UInt8, day: UInt8, hour: UInt8, minute: UInt8,
                    second: UInt8, tenths: UInt8 = 0, quarterHours: UInt8 = 0,
                    isAheadOfUTC: Bool = true) {
            (self.year, self.month, self.day) = (year, month, day)
            (self.hour, self.minute, self.second, self.tenths) = (hour, minute, second, tenths)
            (self.quarterHours, self.isAheadOfUTC) = (quarterHours, isAheadOfUTC)
        }

        /// The offset from UTC in minutes (negative west of Greenwich).
        public var utcOffsetMinutes: Int {
            (isAheadOfUTC ? 1 : -1) * Int(quarterHours) * 15
        }
    }

    /// §7.1.1.2: an interval from the time the SMSC received the message.
    public struct Relative: Hashable, Sendable {
        public var years: UInt8
        public var months: UInt8
        public var days: UInt8
        public var hours: UInt8
        public var minutes: UInt8
        public var seconds: UInt8

        public init(years: UInt8 = 0, months: UInt8 = 0, days: UInt8 = 0, hours: UInt8 = 0,
                    minutes: UInt8 = 0, seconds: UInt8 = 0) {
            (self.years, self.months, self.days) = (years, months, days)
            (self.hours, self.minutes, self.seconds) = (hours, minutes, seconds)
        }
    }

    /// Parses the 16 characters (without the NUL).
    public init(parsing text: some Collection<UInt8>) throws(SMPPTimeError) {
        guard text.count == 16 else { throw SMPPTimeError(reason: .length(text.count)) }
        var digits: [UInt8] = []
        digits.reserveCapacity(15)
        for (position, byte) in text.prefix(15).enumerated() {
            guard (0x30...0x39).contains(byte) else {
                throw SMPPTimeError(reason: .notADigit(position: position))
            }
            digits.append(byte - 0x30)
        }
        func pair(_ index: Int) -> UInt8 { digits[index] * 10 + digits[index + 1] }
        let indicator = text[text.index(text.startIndex, offsetBy: 15)]
        switch indicator {
        case UInt8(ascii: "R"):
            guard digits[12] == 0, pair(13) == 0 else { throw SMPPTimeError(reason: .relativeTail) }
            self = .relative(Relative(years: pair(0), months: pair(2), days: pair(4),
                                      hours: pair(6), minutes: pair(8), seconds: pair(10)))
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let time = Absolute(year: pair(0), month: pair(2), day: pair(4), hour: pair(6),
                                minute: pair(8), second: pair(10), tenths: digits[12],
                                quarterHours: pair(13), isAheadOfUTC: indicator == UInt8(ascii: "+"))
            guard (1...12).contains(time.month) else { throw SMPPTimeError(reason: .outOfRange(.month)) }
            guard (1...31).contains(time.day) else { throw SMPPTimeError(reason: .outOfRange(.day)) }
            guard time.hour < 24 else { throw SMPPTimeError(reason: .outOfRange(.hour)) }
            guard time.minute < 60 else { throw SMPPTimeError(reason: .outOfRange(.minute)) }
            guard time.second < 60 else { throw SMPPTimeError(reason: .outOfRange(.second)) }
            guard time.quarterHours <= 48 else { throw SMPPTimeError(reason: .outOfRange(.utcOffset)) }
            self = .absolute(time)
        default:
            throw SMPPTimeError(reason: .indicator(indicator))
        }
    }

    /// Parses a string such as "251231235959000+" or "000001000000000R".
    public init(_ text: String) throws(SMPPTimeError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// The 16 characters of the wire form (without the NUL).
    public var formatted: String {
        switch self {
        case .absolute(let t):
            Self.digits(t.year, t.month, t.day, t.hour, t.minute, t.second)
                + String(t.tenths) + Self.digits(t.quarterHours) + (t.isAheadOfUTC ? "+" : "-")
        case .relative(let t):
            Self.digits(t.years, t.months, t.days, t.hours, t.minutes, t.seconds) + "000R"
        }
    }

    public var description: String { formatted }

    /// Whether every number fits the two (or one) digits of the wire form.
    var isFormattable: Bool {
        switch self {
        case .absolute(let t):
            [t.year, t.month, t.day, t.hour, t.minute, t.second, t.quarterHours].allSatisfy { $0 < 100 }
                && t.tenths < 10
        case .relative(let t):
            [t.years, t.months, t.days, t.hours, t.minutes, t.seconds].allSatisfy { $0 < 100 }
        }
    }

    private static func digits(_ values: UInt8...) -> String {
        var text = ""
        for value in values {
            if value < 10 { text += "0" }
            text += String(value)
        }
        return text
    }
}

/// Why a time field is not "YYMMDDhhmmsstnnp" (SMPP 3.4 §7.1.1).
public struct SMPPTimeError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Part: String, Hashable, Sendable { case month, day, hour, minute, second, utcOffset = "UTC offset" }
    public enum Reason: Hashable, Sendable {
        case length(Int)
        case notADigit(position: Int)
        case indicator(UInt8)
        case relativeTail
        case outOfRange(Part)
    }

    public var reason: Reason

    public init(reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .length(let count): "a time has 16 characters, not \(count)"
        case .notADigit(let position): "character \(position + 1) of the time is not a digit"
        case .indicator(let byte): "the time ends in 0x\(String(byte, radix: 16)), not '+', '-' or 'R'"
        case .relativeTail: "a relative time has \"000\" before its 'R'"
        case .outOfRange(let part): "the time's \(part.rawValue) is out of range"
        }
    }
}
