/// Durations as the configuration writes them: a whole number and a unit, `250ms`, `30s`,
/// `5m`, `1h`, `1d` — one unit only, so a value reads at a glance.
public enum DurationText {
    private static let units: [(suffix: String, seconds: Int64, milliseconds: Int64)] = [
        ("ms", 0, 1), ("s", 1, 0), ("m", 60, 0), ("h", 3600, 0), ("d", 86400, 0),
    ]

    /// The duration `text` names, or nil when it is not `<digits><unit>`.
    public static func parse(_ text: String) -> Duration? {
        for unit in units where text.hasSuffix(unit.suffix) {
            let digits = text.dropLast(unit.suffix.count)
            // "5ms" also ends in "s": "5m" is not digits, so the "s" reading fails below.
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ ("0"..."9").contains($0) }), let value = Int64(digits),
                  value >= 0
            else { continue }
            return unit.milliseconds > 0 ? .milliseconds(value * unit.milliseconds) : .seconds(value * unit.seconds)
        }
        return nil
    }

    /// The shortest text for `duration` in the largest unit that divides it exactly.
    public static func format(_ duration: Duration) -> String {
        let milliseconds = duration.milliseconds
        for unit in units.reversed() where unit.seconds > 0 {
            let size = unit.seconds * 1000
            if milliseconds != 0, milliseconds % size == 0 { return "\(milliseconds / size)\(unit.suffix)" }
        }
        return milliseconds == 0 ? "0s" : "\(milliseconds)ms"
    }
}
