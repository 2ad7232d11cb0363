// A compact, typed text form of parsed documents, so that test vectors can state the whole
// expected value tree on one line: `{a: 1, b: 2.0, c: "x", d: [true], e: 1979-05-27}`.
import TOMLReader

enum TOMLRendering {
    static func render(_ table: TOMLTable) -> String {
        "{" + table.entries.map { "\(key($0.key)): \(render($0.node.value))" }.joined(separator: ", ") + "}"
    }

    static func render(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text): quote(text)
        case .integer(let number): String(number)
        case .float(let number): number.isNaN ? "nan" : number.description
        case .boolean(let flag): String(flag)
        case .dateTime(let dateTime): render(dateTime)
        case .array(let nodes): "[" + nodes.map { render($0.value) }.joined(separator: ", ") + "]"
        case .table(let table): render(table)
        }
    }

    /// RFC 3339 text; the fraction is shown with the digits it needs, up to nanoseconds.
    static func render(_ dateTime: TOMLDateTime) -> String {
        var text = ""
        if let date = dateTime.date {
            text += pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        }
        if let time = dateTime.time {
            if !text.isEmpty { text += "T" }
            text += pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
            if time.nanosecond != 0 {
                var fraction = pad(time.nanosecond, 9)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
        }
        if let offset = dateTime.offsetMinutes {
            text += offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
        }
        return text
    }

    static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func key(_ name: String) -> String {
        let bare = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-".unicodeScalars
        return !name.isEmpty && name.unicodeScalars.allSatisfy { bare.contains($0) } ? name : quote(name)
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
