/// JSON text written by hand where a byte-exact form matters (payloads in the store, signed
/// webhook bodies): strings with exactly the escapes RFC 8259 §7 requires.
public enum JSONText {
    /// `text` as a JSON string: quote, backslash and controls below U+0020 escaped (`\n`, `\r`,
    /// `\t` by name, others as `\u00XX`); everything else as UTF-8, unescaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `text` quoted, or `null`.
    public static func quoted(_ text: String?) -> String {
        text.map { quoted($0) } ?? "null"
    }
}
