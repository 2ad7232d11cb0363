import FoundationEssentials
import GatewayCore
import GatewayStore
import NIOHTTP1

/// `POST /api/v1/messages/batch`: up to 1,000 message requests. A body that does not follow
/// the schema (a missing, mistyped or malformed field in any item: every 400) is refused whole
/// with 400, naming the item; valid items that cannot be sent (403, 422) are judged each on
/// its own, and the answer is 207 with one
/// result per item in order (202/200 with the id, or the item's own error status and error).
/// The valid items are committed in ONE transaction (`GroupCommitter.submit(all:)`).
extension MessagesAPI {
    struct BatchBody: Decodable {
        var messages: [MessageRequest]

        private enum CodingKeys: String, CodingKey { case messages }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            if let unknown = container.allKeys.first(where: { $0.stringValue != "messages" }) {
                throw DecodingError.dataCorruptedError(forKey: unknown, in: container,
                                                       debugDescription: "unknown field \"\(unknown.stringValue)\"")
            }
            messages = try decoder.container(keyedBy: CodingKeys.self).decode([MessageRequest].self, forKey: .messages)
        }

        private struct AnyKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    struct BatchResult: Encodable, Equatable {
        struct ErrorDetail: Encodable, Equatable { var code: String; var message: String }
        var index: Int
        var status: Int
        var id: String?
        var parts: Int?
        var state: String?
        var error: ErrorDetail?
    }

    struct BatchResponse: Encodable { var results: [BatchResult] }

    func batch(_ request: HTTPRequest) async -> HTTPResponse {
        let account: UpstreamAccount
        switch context.authenticate(request) {
        case .success(let value): account = value
        case .failure(let error): return error.response
        }
        if let error = Self.checkJSON(request) { return error.response }
        let body: BatchBody
        do {
            body = try JSONDecoder().decode(BatchBody.self, from: Data(request.body))
        } catch {
            let item = Self.itemIndex(error).map { "messages[\($0)]: " } ?? ""
            return APIError.invalid("invalid_request", item + MessageRequest.describe(error)).response
        }
        guard !body.messages.isEmpty, body.messages.count <= Self.maximumBatch else {
            return APIError.invalid("invalid_batch", "a batch holds 1 to \(Self.maximumBatch) messages, not \(body.messages.count)").response
        }
        let now = context.now()
        var results: [BatchResult?] = Array(repeating: nil, count: body.messages.count)
        var valid: [(index: Int, message: NewMessage, request: MessageRequest)] = []
        for (index, request) in body.messages.enumerated() {
            switch translator.message(from: request, account: account, now: now, concatenationReference: .random(in: 0...255)) {
            case .success(let message): valid.append((index, message, request))
            case .failure(let error) where error.status == .badRequest:
                return APIError.invalid(error.code, "messages[\(index)]: \(error.message)").response
            case .failure(let error): results[index] = Self.failure(index, error)
            }
        }
        if !valid.isEmpty, let refusal = await context.limit(account, messages: valid.count) { return refusal.response }
        let stored = await store(valid.map { Pending(message: $0.message, digest: $0.request.digest, clientID: $0.request.clientID) })
        for ((index, _, _), outcome) in zip(valid, stored) {
            switch outcome {
            case .success(let (kind, accepted)):
                results[index] = BatchResult(index: index, status: kind == .duplicate ? 200 : 202, id: accepted.id,
                                             parts: accepted.parts, state: accepted.state)
            case .failure(let error):
                results[index] = Self.failure(index, error)
            }
        }
        return .json(BatchResponse(results: results.enumerated().map { $1 ?? Self.failure($0, APIError.invalid("invalid_request", "not processed")) }),
                     status: .multiStatus)
    }

    /// The index of the item a decoding error is in, from its coding path.
    private static func itemIndex(_ error: any Error) -> Int? {
        let path: [any CodingKey]
        switch error {
        case DecodingError.keyNotFound(_, let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            path = context.codingPath
        default: return nil
        }
        return path.dropFirst().first?.intValue
    }

    private static func failure(_ index: Int, _ error: APIError) -> BatchResult {
        BatchResult(index: index, status: Int(error.status.code), error: .init(code: error.code, message: error.message))
    }
}
