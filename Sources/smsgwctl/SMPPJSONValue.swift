import FoundationEssentials
import HexCoding

/// A JSON document as a tree, for the SMPP commands: what `smpp decode --json` prints and
/// `smpp encode` reads (one shape, so either side can check the other).
enum SMPPJSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([SMPPJSONValue])
    case object([String: SMPPJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SMPPJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: SMPPJSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses `text` as JSON, or says in one line why it is not.
    static func parse(_ text: String) throws -> SMPPJSONValue {
        do {
            return try JSONDecoder().decode(SMPPJSONValue.self, from: Data(text.utf8))
        } catch {
            throw InputError("the input is not valid JSON")
        }
    }
}

/// Hex for the SMPP commands: upper-case out, any case and whitespace in.
enum SMPPHexText {
    static func format(_ bytes: [UInt8]) -> String {
        HexDigits.encode(bytes, .upper)
    }

    static func parse(_ text: String, what: String) throws -> [UInt8] {
        let characters = text.filter { !$0.isWhitespace }
        guard characters.utf8.allSatisfy({ HexDigits.value(of: $0) != nil }) else { throw InputError("\(what) is not hexadecimal") }
        guard let bytes = HexDigits.decode(characters) else { throw InputError("\(what) has an odd number of hex digits") }
        return bytes
    }
}
