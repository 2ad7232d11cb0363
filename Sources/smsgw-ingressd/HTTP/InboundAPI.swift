import GatewayCore
import GatewayStore

/// `GET /api/v1/inbound?since_id=&limit=`: the complete inbound (MO) messages routed to the
/// calling account, oldest first, after `since_id` (default 0), at most `limit` (1-1000,
/// default 100). Poll with the last id seen.
struct InboundAPI: Sendable {
    static let maximumLimit = 1000
    let context: APIContext

    struct Message: Encodable, Equatable {
        var id: String
        var from: String
        var text: String
        var receivedAt: String
        enum CodingKeys: String, CodingKey { case id, from, text, receivedAt = "received_at" }
    }

    struct Page: Encodable, Equatable {
        var messages: [Message]
        /// Pass as since_id to get the next page (the last id here, or the since_id asked).
        var nextSinceID: String
        enum CodingKeys: String, CodingKey { case messages, nextSinceID = "next_since_id" }
    }

    func list(_ request: HTTPRequest) async -> HTTPResponse {
        let account: UpstreamAccount
        switch context.authenticate(request) {
        case .success(let value): account = value
        case .failure(let error): return error.response
        }
        var sinceID: Int64 = 0
        if let text = request.query.first("since_id") {
            guard let value = Int64(text), value >= 0 else {
                return APIError.invalid("invalid_since_id", "since_id is a message id (0 or more), not \"\(text)\"").response
            }
            sinceID = value
        }
        var limit = 100
        if let text = request.query.first("limit") {
            guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
                return APIError.invalid("invalid_limit", "limit is 1 to \(Self.maximumLimit), not \"\(text)\"").response
            }
            limit = value
        }
        let records: [InboundFeedRecord]
        do {
            records = try await context.reader.inbound(account: account.id, sinceID: sinceID, limit: limit)
        } catch {
            context.logger.error("HTTP inbound read failed: \(error)")
            return APIError(.serviceUnavailable, "store_unavailable", "the store did not answer; try again",
                            headers: ["retry-after": "1"]).response
        }
        let messages = records.map {
            Message(id: String($0.id), from: $0.originator, text: $0.text, receivedAt: RFC3339.format($0.receivedAt))
        }
        return .json(Page(messages: messages, nextSinceID: messages.last?.id ?? String(sinceID)))
    }
}
