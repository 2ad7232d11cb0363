/// Text made safe for HTML element content and double- or single-quoted attribute values
/// (HTML Living Standard §13.1.2.6: `&`, `<`, `>`, `"` and `'` as character references).
/// Everything the web page shows from a file, the store or a form goes through it.
enum HTMLEscape {
    static func text(_ value: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
