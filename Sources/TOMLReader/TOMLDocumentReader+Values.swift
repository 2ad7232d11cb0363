// Values (TOML 1.0, "Spec"): which kind a value is, from its first characters; arrays and
// inline tables.

extension TOMLDocumentReader {
    /// The value at the cursor; `depth` counts the arrays and inline tables around it.
    mutating func readValue(depth: Int) throws(TOMLError) -> TOMLValue {
        let position = cursor.position
        guard depth < Self.maximumNesting else {
            throw TOMLError("arrays and inline tables nest deeper than \(Self.maximumNesting) levels", at: position)
        }
        switch cursor.current {
        case UInt8(ascii: "\""):
            return .string(cursor.starts(with: "\"\"\"") ? try readMultilineBasicString() : try readBasicString())
        case UInt8(ascii: "'"):
            return .string(cursor.starts(with: "'''") ? try readMultilineLiteralString() : try readLiteralString())
        case UInt8(ascii: "t") where cursor.starts(with: "true"):
            cursor.advance(by: 4)
            return .boolean(true)
        case UInt8(ascii: "f") where cursor.starts(with: "false"):
            cursor.advance(by: 5)
            return .boolean(false)
        case UInt8(ascii: "["):
            return .array(try readArray(depth: depth))
        case UInt8(ascii: "{"):
            return .table(try readInlineTable(depth: depth))
        case let byte? where byte.isASCIIDigit && looksLikeDateOrTime:
            return .dateTime(try readDateTime())
        case let byte? where byte.isASCIIDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "i") || byte == UInt8(ascii: "n"):
            return try readNumber()
        case nil, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw TOMLError("expected a value, found \(cursor.describeCurrent)", at: position)
        default:
            throw TOMLError(
                "expected a value (a string, number, boolean, date-time, array or inline table), found \(cursor.describeCurrent)",
                at: position)
        }
    }

    /// `YYYY-` starts a date, `HH:` a local time.
    private var looksLikeDateOrTime: Bool {
        let digits = (0..<4).map { cursor.peek($0)?.isASCIIDigit ?? false }
        if digits.allSatisfy({ $0 }), cursor.peek(4) == UInt8(ascii: "-") { return true }
        return digits[0] && digits[1] && cursor.peek(2) == UInt8(ascii: ":")
    }

    /// `[ v1, v2, ]` (TOML 1.0, "Array"): values of any types, newlines and comments between
    /// them, a trailing comma allowed. Each element is positioned where it starts.
    private mutating func readArray(depth: Int) throws(TOMLError) -> [TOMLNode] {
        let opening = cursor.position
        cursor.advance()
        var elements: [TOMLNode] = []
        while true {
            try skipArraySpace()
            if cursor.consume(UInt8(ascii: "]")) { return elements }
            if cursor.isAtEnd {
                throw TOMLError("the array opened at \(opening) is not closed: expected ']'", at: cursor.position)
            }
            let position = cursor.position
            elements.append(TOMLNode(try readValue(depth: depth + 1), at: position))
            try skipArraySpace()
            if cursor.consume(UInt8(ascii: "]")) { return elements }
            guard cursor.consume(UInt8(ascii: ",")) else {
                let what = cursor.isAtEnd ? " (the array opened at \(opening) is not closed)" : ""
                throw TOMLError("expected ',' or ']' after an array element, found \(cursor.describeCurrent)\(what)",
                                at: cursor.position)
            }
        }
    }

    /// Whitespace, newlines and comments, as allowed between array elements.
    private mutating func skipArraySpace() throws(TOMLError) {
        while true {
            cursor.skipWhitespace()
            if cursor.current == UInt8(ascii: "#") {
                try skipComment()
            } else if !(try consumeNewline()) {
                return
            }
        }
    }

    /// `{ k = v, a.b = w }` (TOML 1.0, "Inline Table"): on one line, no trailing comma,
    /// complete once closed. Dotted keys inside it follow the same rules as in a section.
    private mutating func readInlineTable(depth: Int) throws(TOMLError) -> TOMLTable {
        var tree = TOMLTableTree(rootPosition: cursor.position)
        cursor.advance()
        cursor.skipWhitespace()
        if cursor.consume(UInt8(ascii: "}")) { return tree.materialize() }
        while true {
            cursor.skipWhitespace()
            guard cursor.current != UInt8(ascii: "}") else {
                throw TOMLError("an inline table may not end with a comma (TOML 1.0)", at: cursor.position)
            }
            try rejectNewlineInInlineTable()
            let key = try readKey()
            try expectEquals(after: key)
            let value = try readValue(depth: depth + 1)
            try tree.insert(key, TOMLNode(value, at: key.last.position), into: TOMLTableTree.root, section: 0)
            cursor.skipWhitespace()
            if cursor.consume(UInt8(ascii: "}")) { return tree.materialize() }
            try rejectNewlineInInlineTable()
            guard cursor.consume(UInt8(ascii: ",")) else {
                throw TOMLError("expected ',' or '}' in an inline table, found \(cursor.describeCurrent)",
                                at: cursor.position)
            }
        }
    }

    private func rejectNewlineInInlineTable() throws(TOMLError) {
        switch cursor.current {
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"):
            throw TOMLError("an inline table must be on one line, found \(cursor.describeCurrent) (TOML 1.0)",
                            at: cursor.position)
        case nil:
            throw TOMLError("the inline table is not closed: expected '}'", at: cursor.position)
        default:
            return
        }
    }
}
