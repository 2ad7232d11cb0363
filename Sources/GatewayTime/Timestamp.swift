/// A point in time as milliseconds since 1970-01-01T00:00:00Z, the unit the store keeps
/// (INTEGER columns). Clocks are injected: code takes a `Timestamp` as input, never reads time.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public init(secondsSince1970: Int64) {
        self.millisecondsSince1970 = secondsSince1970 * 1_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    public static func + (lhs: Timestamp, rhs: Duration) -> Timestamp {
        let (seconds, attoseconds) = rhs.components
        return Timestamp(millisecondsSince1970: lhs.millisecondsSince1970
            + seconds * 1_000 + attoseconds / 1_000_000_000_000_000)
    }

    public static func - (lhs: Timestamp, rhs: Duration) -> Timestamp {
        lhs + (.zero - rhs)
    }

    public var description: String { "\(millisecondsSince1970)ms" }
}
