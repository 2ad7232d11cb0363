/// What a server sends (docs/ipc.md, "Envelope"):
///
///     {"type":"response","id":7,"body":<Response>}
///     {"type":"error","id":7,"error":{"code":"unknown_request","message":"…"}}   (id null if unknown)
///     {"type":"subscribed","id":8}
///     {"type":"event","body":<Event>}
public enum ServerMessage<Response: Codable & Sendable, Event: Codable & Sendable>: Sendable {
    case response(id: UInt64, Response)
    case error(id: UInt64?, IPCError)
    case subscribed(id: UInt64)
    case event(Event)
}

extension ServerMessage: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: EnvelopeKeys.self)
        switch self {
        case .response(let id, let response):
            try container.encode("response", forKey: .type)
            try container.encode(id, forKey: .id)
            try container.encode(response, forKey: .body)
        case .error(let id, let error):
            try container.encode("error", forKey: .type)
            if let id {
                try container.encode(id, forKey: .id)
            } else {
                try container.encodeNil(forKey: .id)
            }
            try container.encode(error, forKey: .error)
        case .subscribed(let id):
            try container.encode("subscribed", forKey: .type)
            try container.encode(id, forKey: .id)
        case .event(let event):
            try container.encode("event", forKey: .type)
            try container.encode(event, forKey: .body)
        }
    }
}

/// A server frame as the client reads it: a body that does not decode still names its call.
struct IncomingServerMessage<Response: Codable & Sendable, Event: Codable & Sendable>: Decodable {
    let message: Result<ServerMessage<Response, Event>, IPCError>
    let id: UInt64?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: EnvelopeKeys.self)
        let id = try? container.decodeIfPresent(UInt64.self, forKey: .id)
        self.id = id
        let type = try? container.decodeIfPresent(String.self, forKey: .type)
        switch (type, id) {
        case ("response", let id?):
            do {
                self.message = .success(.response(id: id, try container.decode(Response.self, forKey: .body)))
            } catch {
                self.message = .failure(IPCError(.undecodableResponse, "response \(id): \(DecodingErrorText.describe(error))"))
            }
        case ("error", _):
            do {
                self.message = .success(.error(id: id, try container.decode(IPCError.self, forKey: .error)))
            } catch {
                self.message = .failure(IPCError(.undecodableResponse, "error reply: \(DecodingErrorText.describe(error))"))
            }
        case ("subscribed", let id?):
            self.message = .success(.subscribed(id: id))
        case ("event", _):
            do {
                self.message = .success(.event(try container.decode(Event.self, forKey: .body)))
            } catch {
                self.message = .failure(IPCError(.undecodableResponse, "event: \(DecodingErrorText.describe(error))"))
            }
        default:
            self.message = .failure(IPCError(.undecodableResponse, "not a server envelope (type \(type ?? "missing"))"))
        }
    }
}
