import FoundationEssentials

/// What a client sends: a request with its id, or a subscription to the server's events
/// (docs/ipc.md, "Envelope").
///
///     {"type":"request","id":7,"body":<Request>}
///     {"type":"subscribe","id":8}
public enum ClientMessage<Request: Codable & Sendable>: Sendable {
    case request(id: UInt64, Request)
    case subscribe(id: UInt64)

    public var id: UInt64 {
        switch self {
        case .request(let id, _), .subscribe(let id): id
        }
    }
}

enum EnvelopeKeys: String, CodingKey {
    case type, id, body, error
}

extension ClientMessage: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EnvelopeKeys.self)
        switch self {
        case .request(let id, let request):
            try container.encode("request", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(request, forKey: .body)
        case .subscribe(let id):
            try container.encode("subscribe", forKey: .type)
            try container.encode(id, forKey: .id)
        }
    }
}

/// A client frame as the server reads it: the id whenever it can be read, so that even a
/// refusal names the request it refuses, and either the message or why it is refused.
struct IncomingClientMessage<Request: Codable & Sendable>: Decodable {
    let id: UInt64?
    let message: Result<ClientMessage<Request>, IPCError>

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: EnvelopeKeys.self)
        let id = try? container.decodeIfPresent(UInt64.self, forKey: .id)
        self.id = id
        let type = try? container.decodeIfPresent(String.self, forKey: .type)
        guard let id else {
            self.message = .failure(IPCError(.invalidEnvelope, "the envelope has no numeric \"id\""))
            return
        }
        switch type {
        case "request":
            do {
                self.message = .success(.request(id: id, try container.decode(Request.self, forKey: .body)))
            } catch {
                self.message = .failure(IPCError(.unknownRequest, "request \(id): \(DecodingErrorText.describe(error))"))
            }
        case "subscribe":
            self.message = .success(.subscribe(id: id))
        case let other?:
            self.message = .failure(IPCError(.invalidEnvelope, "unknown envelope type \"\(other)\""))
        case nil:
            self.message = .failure(IPCError(.invalidEnvelope, "the envelope has no \"type\""))
        }
    }
}
