import GatewayCore

/// The JSON values webhook bodies are made of (RFC 8259), written compactly with object keys
/// sorted by their UTF-8 bytes, so the same event always gives the same bytes (and signature).
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null
    case object([String: JSONValue])

    /// `string(text)`, or `null` when `text` is nil.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// The compact text (RFC 8259 §2): no spaces, keys sorted.
    public var serialized: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let text): Self.writeString(text, into: &out)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .object(let members):
            out += "{"
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                members[key]?.write(into: &out)
            }
            out += "}"
        }
    }

    /// A string with the escapes RFC 8259 §7 requires (`JSONText.quoted`).
    private static func writeString(_ text: String, into out: inout String) {
        out += JSONText.quoted(text)
    }
}
