// Strings (TOML 1.0, "String"): basic, multi-line basic, literal and multi-line literal.
// Input is a Swift String, so its bytes are valid UTF-8 and copying whole runs of them keeps
// the result valid; escapes are checked to name Unicode scalar values.

extension TOMLDocumentReader {
    /// `"…"`: escapes, no newlines, no control characters other than tab.
    mutating func readBasicString() throws(TOMLError) -> String {
        let opening = cursor.position
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            switch cursor.current {
            case UInt8(ascii: "\"")?:
                cursor.advance()
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\\")?:
                try readEscape(into: &bytes)
            case UInt8(ascii: "\r")? where cursor.peek(1) == UInt8(ascii: "\n"), nil, UInt8(ascii: "\n")?:
                throw TOMLError("the string opened at \(opening) is not closed on its line: expected '\"'",
                                at: cursor.position)
            case let byte?:
                try appendStringByte(byte, into: &bytes)
            }
        }
    }

    /// `"""…"""`: a newline right after the opening delimiter is dropped; a backslash ending
    /// a line trims all whitespace and newlines after it; up to two quotes may precede the
    /// closing delimiter.
    mutating func readMultilineBasicString() throws(TOMLError) -> String {
        let opening = cursor.position
        cursor.advance(by: 3)
        _ = try consumeNewline()
        var bytes: [UInt8] = []
        while true {
            switch cursor.current {
            case UInt8(ascii: "\"")?:
                if try closeMultiline(UInt8(ascii: "\""), into: &bytes) { return String(decoding: bytes, as: UTF8.self) }
            case UInt8(ascii: "\\")? where isLineEndingBackslash:
                cursor.advance()
                while true {
                    cursor.skipWhitespace()
                    if !(try consumeNewline()) { break }
                }
            case UInt8(ascii: "\\")?:
                try readEscape(into: &bytes)
            case UInt8(ascii: "\n")?, UInt8(ascii: "\r")?:
                _ = try consumeNewline()
                bytes.append(UInt8(ascii: "\n"))
            case nil:
                throw TOMLError("the multi-line string opened at \(opening) is not closed: expected '\"\"\"'",
                                at: cursor.position)
            case let byte?:
                try appendStringByte(byte, into: &bytes)
            }
        }
    }

    /// `'…'`: no escapes, no newlines, no control characters other than tab.
    mutating func readLiteralString() throws(TOMLError) -> String {
        let opening = cursor.position
        cursor.advance()
        var bytes: [UInt8] = []
        while true {
            switch cursor.current {
            case UInt8(ascii: "'")?:
                cursor.advance()
                return String(decoding: bytes, as: UTF8.self)
            case UInt8(ascii: "\r")? where cursor.peek(1) == UInt8(ascii: "\n"), nil, UInt8(ascii: "\n")?:
                throw TOMLError("the literal string opened at \(opening) is not closed on its line: expected \"'\"",
                                at: cursor.position)
            case let byte?:
                try appendStringByte(byte, into: &bytes)
            }
        }
    }

    /// `'''…'''`: no escapes; a newline right after the opening delimiter is dropped.
    mutating func readMultilineLiteralString() throws(TOMLError) -> String {
        let opening = cursor.position
        cursor.advance(by: 3)
        _ = try consumeNewline()
        var bytes: [UInt8] = []
        while true {
            switch cursor.current {
            case UInt8(ascii: "'")?:
                if try closeMultiline(UInt8(ascii: "'"), into: &bytes) { return String(decoding: bytes, as: UTF8.self) }
            case UInt8(ascii: "\n")?, UInt8(ascii: "\r")?:
                _ = try consumeNewline()
                bytes.append(UInt8(ascii: "\n"))
            case nil:
                throw TOMLError("the multi-line literal string opened at \(opening) is not closed: expected \"'''\"",
                                at: cursor.position)
            case let byte?:
                try appendStringByte(byte, into: &bytes)
            }
        }
    }

    /// A run of `quote`s inside a multi-line string: fewer than three are content; three to
    /// five close the string, the first ones being content; six or more are an error.
    private mutating func closeMultiline(_ quote: UInt8, into bytes: inout [UInt8]) throws(TOMLError) -> Bool {
        let position = cursor.position
        var count = 0
        while cursor.current == quote {
            count += 1
            cursor.advance()
        }
        guard count >= 3 else {
            bytes.append(contentsOf: repeatElement(quote, count: count))
            return false
        }
        guard count <= 5 else {
            throw TOMLError("\(count) quotes in a row: a multi-line string may hold at most two before its closing delimiter",
                            at: position)
        }
        bytes.append(contentsOf: repeatElement(quote, count: count - 3))
        return true
    }

    /// A backslash followed only by whitespace up to the end of its line.
    private var isLineEndingBackslash: Bool {
        var offset = 1
        while let byte = cursor.peek(offset), byte == 0x20 || byte == 0x09 { offset += 1 }
        let next = cursor.peek(offset)
        return next == UInt8(ascii: "\n") || (next == UInt8(ascii: "\r") && cursor.peek(offset + 1) == UInt8(ascii: "\n"))
    }

    private mutating func appendStringByte(_ byte: UInt8, into bytes: inout [UInt8]) throws(TOMLError) {
        if byte.isForbiddenControl {
            throw TOMLError("control character \(TOMLCursor.scalarName(UInt32(byte))) must be escaped in a string", at: cursor.position)
        }
        bytes.append(byte)
        cursor.advance()
    }

    /// `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX` (TOML 1.0, "String"); the code must be a
    /// Unicode scalar value (no surrogates, at most U+10FFFF).
    private mutating func readEscape(into bytes: inout [UInt8]) throws(TOMLError) {
        let position = cursor.position
        cursor.advance()
        let simple: UInt8? = switch cursor.current {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        default: nil
        }
        if let simple {
            cursor.advance()
            bytes.append(simple)
            return
        }
        let digits: Int
        switch cursor.current {
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default:
            throw TOMLError("invalid escape '\\' followed by \(cursor.describeCurrent): expected one of b t n f r \" \\ u U",
                            at: position)
        }
        cursor.advance()
        var code: UInt32 = 0
        for _ in 0..<digits {
            guard let digit = cursor.current?.hexDigitValue else {
                throw TOMLError("expected \(digits) hexadecimal digits after '\\\(digits == 4 ? "u" : "U")', found \(cursor.describeCurrent)",
                                at: cursor.position)
            }
            code = code << 4 | UInt32(digit)
            cursor.advance()
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw TOMLError("escape \(TOMLCursor.scalarName(code)) is not a Unicode scalar value (surrogates and codes above U+10FFFF are not allowed)",
                            at: position)
        }
        bytes.append(contentsOf: String(Character(scalar)).utf8)
    }
}
