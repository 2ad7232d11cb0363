// A read position in a document's UTF-8 bytes that keeps the line and column of the next
// byte, so that every key, value and error can say where it was written.

/// Reads a document byte by byte; `position` is the line and column of `current`.
struct TOMLCursor {
    let bytes: [UInt8]
    private(set) var index = 0
    private(set) var position = TOMLPosition(line: 1, column: 1)

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { index >= bytes.count }

    /// The next byte, or nil at the end of the document.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The byte `offset` places after the next one, or nil past the end.
    func peek(_ offset: Int) -> UInt8? {
        let at = index + offset
        return at < bytes.count ? bytes[at] : nil
    }

    /// Consumes one byte. A line feed starts a new line; UTF-8 continuation bytes do not
    /// move the column, so columns count Unicode scalars.
    mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            position.line += 1
            position.column = 1
        } else if byte & 0xC0 != 0x80 {
            position.column += 1
        }
    }

    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        advance()
        return true
    }

    /// Whether the next bytes are `literal` (ASCII).
    func starts(with literal: StaticString) -> Bool {
        literal.withUTF8Buffer { buffer in
            index + buffer.count <= bytes.count
                && buffer.indices.allSatisfy { bytes[index + $0] == buffer[$0] }
        }
    }

    /// TOML whitespace: space and tab (TOML 1.0, "Spec": whitespace means tab or space).
    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 { advance() }
    }

    /// The next character as an error message names it: `'x'`, `U+0001`, "a newline",
    /// "the end of the document".
    var describeCurrent: String {
        guard let byte = current else { return "the end of the document" }
        switch byte {
        case UInt8(ascii: "\n"): return "a newline"
        case UInt8(ascii: "\r"): return "a carriage return"
        case UInt8(ascii: "\t"): return "a tab"
        case 0x00..<0x20, 0x7F: return Self.scalarName(UInt32(byte))
        default:
            let end = min(index + 4, bytes.count)
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            guard let first = text.unicodeScalars.first else { return Self.scalarName(UInt32(byte)) }
            return "'\(first)'"
        }
    }

    static func scalarName(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
    /// The value of a hexadecimal digit (0-9, A-F, a-f), or nil.
    var hexDigitValue: UInt8? {
        switch self {
        case 0x30...0x39: self - 0x30
        case 0x41...0x46: self - 0x41 + 10
        case 0x61...0x66: self - 0x61 + 10
        default: nil
        }
    }
    /// A bare key character: A-Z a-z 0-9 _ - (TOML 1.0, "Keys").
    var isBareKeyCharacter: Bool {
        isASCIIDigit || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A)
            || self == UInt8(ascii: "_") || self == UInt8(ascii: "-")
    }
    /// A control character no TOML string or comment may hold raw: U+0000-U+0008,
    /// U+000A-U+001F and U+007F (tab is the exception; newlines are handled by the caller).
    var isForbiddenControl: Bool { (self < 0x20 && self != 0x09) || self == 0x7F }
}
