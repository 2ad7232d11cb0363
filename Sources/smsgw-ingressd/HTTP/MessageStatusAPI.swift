import GatewayCore
import GatewayStore
import NIOHTTP1

/// `GET /api/v1/messages/{id}` (the account's own messages only: another account's id is
/// 404) and `DELETE /api/v1/messages/{id}` (cancel through smsgw-queued, which owns a
/// message's state after accept).
struct MessageStatusAPI: Sendable {
    let context: APIContext

    struct Part: Encodable, Equatable {
        var seq: Int
        var state: String
        var sentAt: String?
        var deliveredAt: String?
        var errorCode: Int?
        enum CodingKeys: String, CodingKey {
            case seq, state, sentAt = "sent_at", deliveredAt = "delivered_at", errorCode = "error_code"
        }
    }

    struct Event: Encodable, Equatable {
        var at: String
        var state: String
        var actor: String
        var detail: String
    }

    struct Status: Encodable, Equatable {
        var id: String
        var state: String
        var to: String
        var from: String
        var messageClass: String
        var priority: Int
        var clientID: String?
        var createdAt: String
        var updatedAt: String
        var notBefore: String
        var expiresAt: String
        var parts: [Part]
        var history: [Event]
        enum CodingKeys: String, CodingKey {
            case id, state, to, from, messageClass = "class", priority, clientID = "client_id", createdAt = "created_at"
            case updatedAt = "updated_at", notBefore = "not_before", expiresAt = "expires_at", parts, history
        }
    }

    func get(_ request: HTTPRequest, _ parameters: RouteParameters) async -> HTTPResponse {
        let account: UpstreamAccount
        switch context.authenticate(request) {
        case .success(let value): account = value
        case .failure(let error): return error.response
        }
        guard let id = Self.messageID(parameters) else { return Self.noSuchMessage(parameters).response }
        let found: (status: MessageStatusRecord, history: [HistoryEntry])?
        do {
            found = try await context.reader.message(id, account: account.id)
        } catch {
            context.logger.error("HTTP status read failed: \(error)")
            return APIError(.serviceUnavailable, "store_unavailable", "the store did not answer; try again",
                            headers: ["retry-after": "1"]).response
        }
        guard let (status, history) = found else { return Self.noSuchMessage(parameters).response }
        let format = RFC3339.format
        return .json(Status(
            id: String(status.id), state: status.state.rawValue, to: status.destination, from: status.source,
            messageClass: status.messageClass, priority: status.priority, clientID: status.clientReference,
            createdAt: format(status.createdAt), updatedAt: format(status.updatedAt), notBefore: format(status.notBefore),
            expiresAt: format(status.expiresAt),
            parts: status.parts.map { Part(seq: $0.sequence, state: $0.state, sentAt: $0.sentAt.map(format),
                                           deliveredAt: $0.deliveredAt.map(format), errorCode: $0.errorCode) },
            history: history.map { Event(at: format($0.at), state: $0.state.rawValue, actor: $0.actor.rawValue, detail: $0.detail) }))
    }

    struct Cancelled: Encodable, Equatable {
        var id: String
        var state: String
    }

    func cancel(_ request: HTTPRequest, _ parameters: RouteParameters) async -> HTTPResponse {
        let account: UpstreamAccount
        switch context.authenticate(request) {
        case .success(let value): account = value
        case .failure(let error): return error.response
        }
        guard let id = Self.messageID(parameters) else { return Self.noSuchMessage(parameters).response }
        do {
            guard try await context.reader.message(id, account: account.id) != nil else { return Self.noSuchMessage(parameters).response }
        } catch {
            return APIError(.serviceUnavailable, "store_unavailable", "the store did not answer; try again",
                            headers: ["retry-after": "1"]).response
        }
        switch await context.queued.cancel(id) {
        case .cancelled:
            context.logger.info("message cancelled over HTTP", metadata: ["account": "\(account.id)", "message": "\(id)"])
            return .json(Cancelled(id: String(id), state: MessageState.cancelled.rawValue))
        case .notCancellable:
            return APIError(.conflict, "not_cancellable", "message \(id) is already being sent or is final").response
        case .unreachable(let why):
            context.logger.warning("cancel: smsgw-queued unavailable: \(why)")
            return APIError(.serviceUnavailable, "queue_unavailable", "the queue cannot be reached; try again",
                            headers: ["retry-after": "5"]).response
        }
    }

    static func messageID(_ parameters: RouteParameters) -> Int64? {
        guard let text = parameters["id"], let id = Int64(text), id > 0 else { return nil }
        return id
    }

    static func noSuchMessage(_ parameters: RouteParameters) -> APIError {
        APIError(.notFound, "message_not_found", "no message \(parameters["id"] ?? "") of this account")
    }
}
