/// Splits the parameter text of an information response (`+CREG: 2,1,"5E25","605F"`) into
/// fields (ITU-T V.250 §5.7.2).
///
/// Tolerant of what real modems send: spaces around commas (`"SM", "ME"`), unquoted hex
/// (Huawei `4CA`), and a missing closing quote at the end of the line (the quoted value runs
/// to the end). A quote in the middle of a bare value, or an unclosed parenthesis, is
/// refused: such a line is garbled and its fields cannot be trusted.
public enum ATFieldList {
    /// Parses `text` (everything after `+NAME:`) into fields. An empty text is no fields.
    public static func parse(_ text: Substring) throws(ATParseError) -> [ATField] {
        var scanner = Scanner(characters: Array(text))
        let fields = try scanner.fields(closing: nil)
        return fields == [.omitted] ? [] : fields
    }

    /// Parses `text` into fields.
    public static func parse(_ text: String) throws(ATParseError) -> [ATField] {
        try parse(text[...])
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0

        mutating func skipSpaces() {
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        }

        mutating func fields(closing: Character?) throws(ATParseError) -> [ATField] {
            var result: [ATField] = []
            while true {
                skipSpaces()
                result.append(try field(closing: closing))
                skipSpaces()
                guard index < characters.count else {
                    if closing != nil { throw ATParseError(.unbalancedParenthesis) }
                    return result
                }
                let next = characters[index]
                index += 1
                if next == "," { continue }
                if let closing, next == closing { return result }
                throw ATParseError(.unexpectedCharacter(next))
            }
        }

        mutating func field(closing: Character?) throws(ATParseError) -> ATField {
            guard index < characters.count else { return .omitted }
            switch characters[index] {
            case "\"":
                index += 1
                var value = ""
                while index < characters.count, characters[index] != "\"" {
                    value.append(characters[index])
                    index += 1
                }
                if index < characters.count { index += 1 }  // the closing quote, when there is one
                return .quoted(value)
            case "(":
                index += 1
                let items = try fields(closing: ")")
                return .list(items == [.omitted] ? [] : items)
            default:
                var value = ""
                while index < characters.count {
                    let character = characters[index]
                    if character == "," || character == closing { break }
                    if character == "\"" || character == "(" { throw ATParseError(.unexpectedCharacter(character)) }
                    value.append(character)
                    index += 1
                }
                while value.last == " " || value.last == "\t" { value.removeLast() }
                return value.isEmpty ? .omitted : .bare(value)
            }
        }
    }
}
