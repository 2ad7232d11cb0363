import GatewayTestSupport
// Seeded random TOML documents for the oracle test: keys from a small pool so that dotted
// keys, headers and arrays of tables collide (the redefinition rules), every value form,
// and single-character mutations that turn many documents invalid.


struct TOMLDocumentGenerator {
    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    /// A document of a few sections; with `mutate`, one character is then deleted, doubled
    /// or replaced by a character that matters to the grammar.
    mutating func document(mutate: Bool) -> String {
        var lines: [String] = []
        for _ in 0..<number(0...3) { lines.append(keyValue(depth: 0)) }
        for _ in 0..<number(0...4) {
            let header = key(parts: number(1...3))
            lines.append(chance(40) ? "[[\(header)]]" : (chance(10) ? "[ \(header) ]" : "[\(header)]"))
            for _ in 0..<number(0...3) { lines.append(keyValue(depth: 0)) }
            if chance(15) { lines.append(pick(["", "# comment", "  \t", "# é ☃"])) }
        }
        var text = lines.joined(separator: chance(20) ? "\r\n" : "\n")
        if chance(50) { text += "\n" }
        return mutate ? mutated(text) : text
    }

    private mutating func mutated(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return pick(["=", "[", "a", "\"", "a = "]) }
        let at = number(0...(scalars.count - 1))
        let tricky: [Unicode.Scalar] = ["\"", "'", "\\", "\n", "\r", "=", "[", "]", "{", "}", ",", ".", "#", " ", "_", "0", "e", "+", ":", "-", "T", "Z", "\u{7F}", "\u{1}", "é"]
        switch number(0...2) {
        case 0: scalars.remove(at: at)
        case 1: scalars.insert(scalars[at], at: at)
        default: scalars[at] = pick(tricky)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    mutating func key(parts: Int) -> String {
        (0..<parts).map { _ in simpleKey() }.joined(separator: pick([".", ".", " . "]))
    }

    private mutating func simpleKey() -> String {
        if chance(85) { return pick(["a", "b", "c", "d", "x", "y", "z", "w"]) }
        return pick(["\"a\"", "'b'", "\"é\"", "\"a.b\"", "\"\"", "1", "-", "\"\\u0061\"", "'c d'", "true", "inf"])
    }

    private mutating func keyValue(depth: Int) -> String {
        key(parts: chance(70) ? 1 : number(2...3)) + pick([" = ", "=", " \t= "]) + value(depth: depth)
            + (chance(10) ? " # note" : "")
    }

    mutating func value(depth: Int) -> String {
        let kinds = depth < 3 ? 9 : 7
        switch number(0...(kinds - 1)) {
        case 0: return integer()
        case 1: return float()
        case 2: return string()
        case 3: return pick(["true", "false"])
        case 4: return dateTime()
        case 5, 6: return string()
        case 7: return array(depth: depth + 1)
        default: return inlineTable(depth: depth + 1)
        }
    }

    private mutating func integer() -> String {
        switch number(0...5) {
        case 0: return pick(["0", "+0", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "007"])
        case 1: return pick(["0x", "0o", "0b"]) + pick(["DEAD_beef", "1", "0", "777", "1010", "7fffffffffffffff", "8000000000000000", "_1"])
        case 2: return String(number(-100_000...100_000))
        case 3: return "\(number(1...999))_\(number(100...999))"
        default: return (chance(30) ? pick(["+", "-"]) : "") + String(number(0...99))
        }
    }

    private mutating func float() -> String {
        switch number(0...4) {
        case 0: return pick(["inf", "+inf", "-inf", "nan", "+nan", "-nan", "-0.0", "+0.0"])
        case 1: return "\(number(-99...99)).\(number(0...999))"
        case 2: return "\(number(0...9))\(pick(["e", "E"]))\(pick(["", "+", "-"]))\(pick(["0", "05", "10", "308", "400"]))"
        case 3: return "\(number(0...9)).\(number(0...99))e\(number(-30...30))"
        default: return pick(["1_000.5", "3.141_592", "6.626e-34", "1e1_0", "0.1", "5e+22", "1.7976931348623157e308"])
        }
    }

    private mutating func string() -> String {
        let pieces = ["a", "é", "😀", " ", "\t", "#", "=", "[", "'", "\\\"", "\\\\", "\\n", "\\t", "\\u00e9", "\\U0001F600", "\\u0000", "\\b", "\\f", "\\r"]
        let literalPieces = ["a", "é", " ", "\\", "\"", "#", "\t", "\\n"]
        switch number(0...3) {
        case 0:
            return "\"" + (0..<number(0...4)).map { _ in pick(pieces) }.joined() + "\""
        case 1:
            return "'" + (0..<number(0...4)).map { _ in pick(literalPieces) }.joined() + "'"
        case 2:
            let body = (0..<number(0...5)).map { _ in pick(pieces + ["\n", "\"", "\"\"", "\\\n   ", "\\  \n"]) }.joined()
            return "\"\"\"" + (chance(50) ? "\n" : "") + body + pick(["", "\"", "\"\""]) + "\"\"\""
        default:
            let body = (0..<number(0...5)).map { _ in pick(literalPieces + ["\n", "'", "''"]) }.joined()
            return "'''" + (chance(50) ? "\n" : "") + body + pick(["", "'", "''"]) + "'''"
        }
    }

    private mutating func dateTime() -> String {
        let pad = TOMLRendering.pad
        let date = pad(number(1...2100), 4) + "-" + pad(number(1...12), 2) + "-" + pad(number(1...31), 2)
        var time = pad(number(0...23), 2) + ":" + pad(number(0...59), 2) + ":" + pad(number(0...59), 2)
        if chance(40) { time += "." + String(number(0...999_999_999)) }
        switch number(0...3) {
        case 0: return date
        case 1: return time
        case 2: return date + pick(["T", "t", " "]) + time
        default:
            return date + pick(["T", " "]) + time + pick(["Z", "z", "+05:30", "-07:00", "+00:00", "-23:59"])
        }
    }

    private mutating func array(depth: Int) -> String {
        let separator = pick([", ", ",", ",\n  ", " , # c\n"])
        let items = (0..<number(0...3)).map { _ in value(depth: depth) }
        return "[" + pick(["", " ", "\n"]) + items.joined(separator: separator) + (chance(30) && !items.isEmpty ? "," : "")
            + pick(["", " ", "\n"]) + "]"
    }

    private mutating func inlineTable(depth: Int) -> String {
        let items = (0..<number(0...3)).map { _ in
            key(parts: chance(70) ? 1 : 2) + " = " + value(depth: depth)
        }
        return items.isEmpty ? "{}" : "{ " + items.joined(separator: ", ") + " }"
    }
}
