import FoundationEssentials

/// The body of `POST /api/v1/messages` (docs/openapi.yaml, `MessageRequest`), and one item of
/// a batch. Unknown keys are refused (a misspelt `schedule` must not send at once).
struct MessageRequest: Decodable, Sendable, Equatable {
    var to: String
    var text: String
    var from: String?
    var messageClass: String?
    var priority: Int?
    var validity: Validity?
    var schedule: String?
    var clientID: String?
    var report: Bool?

    /// Seconds (a JSON integer) or duration text (`30m`, `2h`, `1d`: DurationText).
    enum Validity: Sendable, Equatable, Codable {
        case seconds(Int)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Int.self) { self = .seconds(seconds); return }
            if let text = try? container.decode(String.self) { self = .text(text); return }
            throw DecodingError.typeMismatch(Validity.self, .init(codingPath: decoder.codingPath,
                debugDescription: "validity is seconds (an integer) or a duration such as \"2h\""))
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .seconds(let seconds): try container.encode(seconds)
            case .text(let text): try container.encode(text)
            }
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let keys: Set<String> = ["to", "text", "from", "class", "priority", "validity", "schedule", "client_id", "report"]

    init(to: String, text: String, from: String? = nil, messageClass: String? = nil, priority: Int? = nil,
         validity: Validity? = nil, schedule: String? = nil, clientID: String? = nil, report: Bool? = nil) {
        (self.to, self.text, self.from, self.messageClass, self.priority) = (to, text, from, messageClass, priority)
        (self.validity, self.schedule, self.clientID, self.report) = (validity, schedule, clientID, report)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let unknown = container.allKeys.first(where: { !Self.keys.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: container,
                                                   debugDescription: "unknown field \"\(unknown.stringValue)\"")
        }
        // An explicit null is not "absent": the schema types every field (OpenAPI 3.0, no nullable).
        if let null = try container.allKeys.first(where: { try container.decodeNil(forKey: $0) }) {
            throw DecodingError.dataCorruptedError(forKey: null, in: container,
                                                   debugDescription: "\"\(null.stringValue)\" may not be null")
        }
        to = try container.decode(String.self, forKey: Key(stringValue: "to"))
        text = try container.decode(String.self, forKey: Key(stringValue: "text"))
        from = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "from"))
        messageClass = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "class"))
        priority = try container.decodeIfPresent(Int.self, forKey: Key(stringValue: "priority"))
        validity = try container.decodeIfPresent(Validity.self, forKey: Key(stringValue: "validity"))
        schedule = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "schedule"))
        clientID = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "client_id"))
        report = try container.decodeIfPresent(Bool.self, forKey: Key(stringValue: "report"))
    }

    /// SHA-256 (hex) of the request's content without `client_id`, in one canonical JSON form
    /// (keys sorted, defaults filled in): the same content under the same client_id is a
    /// retry (200, same id), other content is a conflict (409).
    var digest: String {
        struct Canonical: Encodable {
            var to: String, text: String, from: String?, `class`: String?, priority: Int, validity: Validity?
            var schedule: String?, report: Bool
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let canonical = Canonical(to: to, text: text, from: from, class: messageClass, priority: priority ?? 0,
                                  validity: validity, schedule: schedule, report: report ?? true)
        let bytes = (try? encoder.encode(canonical)).map(Array.init) ?? Array("\(self)".utf8)
        return SHA256Hex.of(bytes)
    }

    /// A decoding error as one sentence naming the field.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "\"\(key.stringValue)\" is required"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let field = context.codingPath.last?.stringValue ?? "the body"
            return "\"\(field)\" has the wrong type: \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not JSON: \(context.debugDescription)" : context.debugDescription
        default: return "the body is not a valid message request"
        }
    }
}
