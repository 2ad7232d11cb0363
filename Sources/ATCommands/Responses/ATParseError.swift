/// Why a response line could not be parsed: the line, what was expected and what was wrong.
public struct ATParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        /// The line does not start with the prefix the grammar needs (e.g. `+CSQ:`).
        case missingPrefix(String)
        /// A character that the field grammar does not allow there.
        case unexpectedCharacter(Character)
        /// A `(` without its `)`.
        case unbalancedParenthesis
        /// Fewer or more fields than the grammar has.
        case fieldCount(Int)
        /// A field is missing or not of the form the grammar needs.
        case invalidField(name: String, value: String)
        /// A body line (PDU or text) that must follow a header is missing.
        case missingBody
    }

    /// The line that failed, when known.
    public var line: String
    /// What was wrong.
    public var reason: Reason

    public init(_ reason: Reason, line: String = "") {
        self.reason = reason
        self.line = line
    }

    public var description: String {
        let what = switch reason {
        case .missingPrefix(let prefix): "expected prefix \(prefix)"
        case .unexpectedCharacter(let character): "unexpected character \(String(reflecting: character))"
        case .unbalancedParenthesis: "unbalanced parenthesis"
        case .fieldCount(let count): "unexpected number of fields (\(count))"
        case .invalidField(let name, let value): "invalid \(name) \(String(reflecting: value))"
        case .missingBody: "header without its body line"
        }
        return line.isEmpty ? what : "\(what) in \(String(reflecting: line))"
    }

    /// The same error, naming the line it occurred in.
    func on(_ line: String) -> ATParseError {
        var copy = self
        if copy.line.isEmpty { copy.line = line }
        return copy
    }
}
