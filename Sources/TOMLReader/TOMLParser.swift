// The entry point: a whole TOML 1.0 document (https://toml.io/en/v1.0.0) to its root table.

/// Reads TOML 1.0 documents.
public enum TOMLParser {
    /// The root table of `text`, or the first error in it, with its line and column.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var reader = TOMLDocumentReader(text)
        return try reader.readDocument()
    }
}

/// Reads a document statement by statement (TOML 1.0, "Spec"): each line is empty, a
/// comment, a key/value pair, or a `[table]` / `[[array of tables]]` header.
struct TOMLDocumentReader {
    var cursor: TOMLCursor
    private var tree = TOMLTableTree()
    /// The table that key/value pairs go into: the root, then each header's table.
    private var currentTable = TOMLTableTree.root
    /// Numbers the sections (the root and each header), for the dotted-key rules.
    private var section = 0

    /// Arrays and inline tables nest at most this deep, so reading never exhausts the stack.
    static let maximumNesting = 100

    init(_ text: String) {
        cursor = TOMLCursor(text)
    }

    mutating func readDocument() throws(TOMLError) -> TOMLTable {
        if cursor.starts(with: "\u{FEFF}") {
            throw TOMLError("the document starts with a byte order mark (U+FEFF): save it as UTF-8 without one",
                            at: cursor.position)
        }
        while !cursor.isAtEnd {
            cursor.skipWhitespace()
            switch cursor.current {
            case UInt8(ascii: "["):
                try readHeader()
            case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), nil:
                break
            default:
                try readKeyValue()
            }
            try readEndOfLine(after: "a statement")
        }
        return tree.materialize()
    }

    /// A key/value pair at the top level of a section.
    private mutating func readKeyValue() throws(TOMLError) {
        let key = try readKey()
        try expectEquals(after: key)
        let value = try readValue(depth: 0)
        try tree.insert(key, TOMLNode(value, at: key.last.position), into: currentTable, section: section)
    }

    /// `=` after a key, with whitespace either side.
    mutating func expectEquals(after key: TOMLKey) throws(TOMLError) {
        cursor.skipWhitespace()
        guard cursor.consume(UInt8(ascii: "=")) else {
            throw TOMLError("expected '=' after key '\(key.display)', found \(cursor.describeCurrent)",
                            at: cursor.position)
        }
        cursor.skipWhitespace()
    }

    /// `[key]` or `[[key]]` (TOML 1.0, "Table" and "Array of Tables").
    private mutating func readHeader() throws(TOMLError) {
        let position = cursor.position
        cursor.advance()
        let isArray = cursor.consume(UInt8(ascii: "["))
        cursor.skipWhitespace()
        let key = try readKey()
        cursor.skipWhitespace()
        let closing = isArray ? "']]'" : "']'"
        guard cursor.consume(UInt8(ascii: "]")), !isArray || cursor.consume(UInt8(ascii: "]")) else {
            throw TOMLError("expected \(closing) to close the header [\(key.display)], found \(cursor.describeCurrent)",
                            at: cursor.position)
        }
        section += 1
        currentTable = isArray
            ? try tree.appendTable(key, at: position)
            : try tree.defineTable(key, at: position)
    }

    /// What may end a line: whitespace, a comment, then a newline or the end of the document.
    private mutating func readEndOfLine(after what: String) throws(TOMLError) {
        cursor.skipWhitespace()
        if cursor.current == UInt8(ascii: "#") { try skipComment() }
        if cursor.isAtEnd { return }
        guard try consumeNewline() else {
            throw TOMLError("expected a newline after \(what), found \(cursor.describeCurrent)", at: cursor.position)
        }
    }

    /// Consumes LF or CRLF; a carriage return alone is an error (TOML 1.0, "Spec").
    mutating func consumeNewline() throws(TOMLError) -> Bool {
        if cursor.consume(UInt8(ascii: "\n")) { return true }
        guard cursor.current == UInt8(ascii: "\r") else { return false }
        guard cursor.peek(1) == UInt8(ascii: "\n") else {
            throw TOMLError("a carriage return must be followed by a line feed", at: cursor.position)
        }
        cursor.advance(by: 2)
        return true
    }

    /// From `#` to the end of the line; control characters other than tab are not permitted
    /// in comments (TOML 1.0, "Comment").
    mutating func skipComment() throws(TOMLError) {
        cursor.advance()
        while let byte = cursor.current, byte != UInt8(ascii: "\n") {
            if byte == UInt8(ascii: "\r") {
                if cursor.peek(1) == UInt8(ascii: "\n") { return }
                throw TOMLError("a carriage return must be followed by a line feed", at: cursor.position)
            }
            if byte.isForbiddenControl {
                throw TOMLError("control character \(TOMLCursor.scalarName(UInt32(byte))) is not allowed in a comment",
                                at: cursor.position)
            }
            cursor.advance()
        }
    }
}
