import FoundationEssentials
import GatewayCore
import GatewayStore
import NIOHTTP1

/// `POST /api/v1/messages` and `POST /api/v1/messages/batch` (docs/openapi.yaml).
struct MessagesAPI: Sendable {
    /// The most messages one batch may carry.
    static let maximumBatch = 1000

    let context: APIContext
    var translator = MessageRequestTranslator()

    struct Accepted: Encodable, Equatable {
        var id: String
        var parts: Int
        var state: String
    }

    func create(_ request: HTTPRequest) async -> HTTPResponse {
        let account: UpstreamAccount
        switch context.authenticate(request) {
        case .success(let value): account = value
        case .failure(let error): return error.response
        }
        if let error = Self.checkJSON(request) { return error.response }
        let body: MessageRequest
        do {
            body = try JSONDecoder().decode(MessageRequest.self, from: Data(request.body))
        } catch {
            return APIError.invalid("invalid_request", MessageRequest.describe(error)).response
        }
        let message: NewMessage
        switch translator.message(from: body, account: account, now: context.now(), concatenationReference: .random(in: 0...255)) {
        case .success(let value): message = value
        case .failure(let error): return error.response
        }
        if let refusal = await context.limit(account, messages: 1) { return refusal.response }
        switch await store([Pending(message: message, digest: body.digest, clientID: body.clientID)]).first {
        case .success(let (outcome, accepted))?:
            return .json(accepted, status: outcome == .duplicate ? .ok : .accepted)
        case .failure(let error)?:
            return error.response
        case nil:
            return APIError(.serviceUnavailable, "store_unavailable", "the message could not be stored; try again").response
        }
    }

    enum Stored: Equatable { case new, duplicate }

    /// One message to store, with the idempotency key and digest of its request.
    struct Pending: Sendable {
        var message: NewMessage
        var digest: String
        var clientID: String?
    }

    /// The group commit of `items` in one transaction; a duplicate answers the stored message
    /// as it is now (its id, parts and state: sent, delivered… by the time the retry comes), a
    /// conflict 409; a failed commit is 503 for every item, and so is a duplicate whose stored
    /// message cannot be read.
    func store(_ items: [Pending]) async -> [Result<(Stored, Accepted), APIError>] {
        let now = context.now()
        let messages = items.map { item in
            var message = item.message
            message.idempotencyKey = item.clientID
            message.requestDigest = item.clientID == nil ? nil : item.digest
            return message
        }
        let outcomes: [AcceptOutcome]
        do {
            outcomes = try await context.accept(messages)
        } catch {
            context.logger.error("HTTP accept of \(items.count) message(s) failed: \(error)")
            HTTPMetrics.messages(interface: "api", outcome: "failed", count: items.count)
            let failure = APIError(.serviceUnavailable, "store_unavailable", "the message could not be stored; try again",
                                   headers: ["retry-after": "1"])
            return items.map { _ in .failure(failure) }
        }
        for name in ["accepted", "duplicate", "conflict"] {
            HTTPMetrics.messages(interface: "api", outcome: name, count: outcomes.filter { $0.name == name }.count)
        }
        var results: [Result<(Stored, Accepted), APIError>] = []
        for (item, outcome) in zip(items, outcomes) {
            switch outcome {
            case .accepted(let id):
                let state = item.message.scheduleAt.map { $0 > now ? "held" : "queued" } ?? "queued"
                results.append(.success((.new, Accepted(id: String(id), parts: item.message.partsHex.count, state: state))))
            case .duplicate(let id):
                results.append(await duplicate(id, account: item.message.account))
            case .conflict(let existing):
                results.append(.failure(APIError(.conflict, "client_id_conflict",
                                                 "client_id \"\(item.clientID ?? "")\" was used for message \(existing) with other content")))
            }
        }
        return results
    }

    /// The stored message a retried `client_id` names, as it is now.
    private func duplicate(_ id: Int64, account: String) async -> Result<(Stored, Accepted), APIError> {
        do {
            if let stored = try await context.reader.stored(id, account: account) {
                return .success((.duplicate, Accepted(id: String(id), parts: stored.parts, state: stored.state.rawValue)))
            }
            context.logger.error("HTTP duplicate: message \(id) of \(account) was not found")
        } catch {
            context.logger.error("HTTP duplicate: reading message \(id) failed: \(error)")
        }
        return .failure(APIError(.serviceUnavailable, "store_unavailable", "the stored message could not be read; try again",
                                 headers: ["retry-after": "1"]))
    }

    /// 415 for a body that says it is not JSON (no Content-Type is read as JSON).
    static func checkJSON(_ request: HTTPRequest) -> APIError? {
        guard let type = request.mediaType, type != "application/json" else { return nil }
        return APIError(.unsupportedMediaType, "unsupported_media_type", "send the body as application/json, not \(type)")
    }
}

extension AcceptOutcome {
    /// The outcome's name in metrics.
    var name: String {
        switch self {
        case .accepted: "accepted"
        case .duplicate: "duplicate"
        case .conflict: "conflict"
        }
    }
}
