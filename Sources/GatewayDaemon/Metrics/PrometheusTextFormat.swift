/// The Prometheus text exposition format 0.0.4: `name{label="value"} number` lines, metric
/// names `[a-zA-Z_:][a-zA-Z0-9_:]*`, label names `[a-zA-Z_][a-zA-Z0-9_]*`, label values with
/// `\`, `"` and newline escaped.
public enum PrometheusTextFormat {
    /// The content type of a scrape answer.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// One sample line.
    public static func sample(_ name: String, _ labels: [(String, String)], _ value: Double) -> String {
        guard !labels.isEmpty else { return "\(name) \(number(value))\n" }
        let rendered = labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
        return "\(name){\(rendered)} \(number(value))\n"
    }

    /// Integers without a fraction; NaN and infinities spelled as Prometheus reads them.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `label` with every character outside the metric-name alphabet replaced by `_`
    /// (swift-metrics labels are often dotted: `smsgw.http.requests`).
    public static func metricName(_ label: String) -> String {
        sanitise(label, allowColon: true)
    }

    public static func labelName(_ label: String) -> String {
        sanitise(label, allowColon: false)
    }

    private static func sanitise(_ text: String, allowColon: Bool) -> String {
        var out = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || (allowColon && scalar == ":")
            let digit = ("0"..."9").contains(scalar)
            out.unicodeScalars.append(letter || (digit && index > 0) ? scalar : "_")
        }
        return out.isEmpty ? "_" : out
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
