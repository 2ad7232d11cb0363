/// One parameter of an information response or of a command's arguments
/// (ITU-T V.250 §5.7.2 and §5.4.2: values are numbers, quoted strings or, in test responses,
/// parenthesised lists; an omitted value leaves nothing between two commas).
public enum ATField: Sendable, Hashable {
    /// Nothing between the commas.
    case omitted
    /// An unquoted value, trimmed of surrounding spaces (a number, or hex as Huawei sends it).
    case bare(String)
    /// A quoted string, without its quotes.
    case quoted(String)
    /// A parenthesised list, as in test (`=?`) answers: `("SM","ME")` or `(0-1,3)`.
    case list([ATField])

    /// The text of a bare or quoted value; nil for omitted values and lists.
    public var text: String? {
        switch self {
        case .bare(let value), .quoted(let value): value
        case .omitted, .list: nil
        }
    }

    /// The value as a decimal integer (quoted decimals accepted: some modems quote numbers).
    public var integer: Int? {
        guard let text, !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return Int(text)
    }

    /// The value read as hexadecimal (LAC, TAC and cell id in +CREG/+CEREG, 27.007 §7.2).
    public var hexadecimal: UInt32? {
        guard let text, !text.isEmpty, text.count <= 8, text.allSatisfy(\.isHexDigit) else { return nil }
        return UInt32(text, radix: 16)
    }

    /// True when nothing was given (an omitted field or an empty quoted string).
    public var isEmpty: Bool {
        switch self {
        case .omitted: true
        case .bare(let value), .quoted(let value): value.isEmpty
        case .list(let items): items.isEmpty
        }
    }
}
