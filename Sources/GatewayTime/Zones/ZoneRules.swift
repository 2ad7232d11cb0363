/// How far a time zone's wall clock is ahead of UTC at any instant: the transitions of a TZif
/// file (RFC 8536) and the POSIX TZ rule of its footer for the times after them. Pure: the
/// daemon reads `/usr/share/zoneinfo/<box.time_zone>` and hands the bytes to `init(tzif:)`.
public struct ZoneRules: Sendable, Hashable {
    /// Transition instants in seconds since 1970, ascending.
    let transitions: [Int64]
    /// The UT offset (seconds east of UTC) in force from each transition on.
    let offsets: [Int]
    /// The offset before the first transition.
    let initialOffset: Int
    /// The rule for instants after the last transition (RFC 8536 §3.3 footer), if any.
    let footer: PosixTZRule?

    /// UTC itself.
    public static let utc = ZoneRules(fixedOffsetSeconds: 0)

    /// A zone whose offset never changes.
    public init(fixedOffsetSeconds: Int) {
        transitions = []
        offsets = []
        initialOffset = fixedOffsetSeconds
        footer = nil
    }

    /// A zone that follows a POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3") at all times.
    public init(posixRule: PosixTZRule) {
        transitions = []
        offsets = []
        initialOffset = posixRule.standardOffset
        footer = posixRule
    }

    init(transitions: [Int64], offsets: [Int], initialOffset: Int, footer: PosixTZRule?) {
        self.transitions = transitions
        self.offsets = offsets
        self.initialOffset = initialOffset
        self.footer = footer
    }

    /// Seconds east of UTC of the wall clock at `time`.
    public func offset(at time: Timestamp) -> Int {
        offset(atSecond: CivilDate.floorDivide(time.millisecondsSince1970, 1000))
    }

    func offset(atSecond second: Int64) -> Int {
        if let last = transitions.last, second >= last {
            return footer?.offset(atSecond: second) ?? offsets[offsets.count - 1]
        }
        if transitions.isEmpty { return footer?.offset(atSecond: second) ?? initialOffset }
        // The last transition at or before `second` (binary search).
        var low = 0, high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= second { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initialOffset : offsets[low - 1]
    }
}
