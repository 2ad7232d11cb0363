// Keys (TOML 1.0, "Keys"): bare, quoted and dotted.

extension TOMLDocumentReader {
    /// A key, dotted or not; whitespace around the dots is ignored.
    mutating func readKey() throws(TOMLError) -> TOMLKey {
        var key = TOMLKey(first: try readSimpleKey(), rest: [])
        while true {
            let save = cursor
            cursor.skipWhitespace()
            guard cursor.consume(UInt8(ascii: ".")) else {
                cursor = save
                return key
            }
            cursor.skipWhitespace()
            key.rest.append(try readSimpleKey())
        }
    }

    /// One part: bare (A-Za-z0-9_-, at least one), basic-quoted or literal-quoted; quoted
    /// keys follow the single-line string rules and may be empty.
    private mutating func readSimpleKey() throws(TOMLError) -> TOMLKeyPart {
        let position = cursor.position
        switch cursor.current {
        case UInt8(ascii: "\""):
            return TOMLKeyPart(name: try readBasicString(), position: position)
        case UInt8(ascii: "'"):
            return TOMLKeyPart(name: try readLiteralString(), position: position)
        case let byte? where byte.isBareKeyCharacter:
            let start = cursor.index
            while let next = cursor.current, next.isBareKeyCharacter { cursor.advance() }
            let name = String(decoding: cursor.bytes[start..<cursor.index], as: UTF8.self)
            return TOMLKeyPart(name: name, position: position)
        default:
            throw TOMLError("expected a key (bare A-Z a-z 0-9 _ -, or quoted), found \(cursor.describeCurrent)",
                            at: position)
        }
    }
}
