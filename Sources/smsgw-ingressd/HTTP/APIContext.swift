import GatewayCore
import GatewayDaemon
import GatewayStore
import Logging

/// What the JSON API and sendsms handlers share: who is calling, the throughput limit, the
/// group commit and the reads.
struct APIContext: Sendable {
    /// Accepts messages durably in one transaction: for each its id, or an earlier message's
    /// id for a retry with the same client_id and content, or a conflict with an earlier
    /// message under that client_id.
    typealias Accept = @Sendable ([NewMessage]) async throws -> [AcceptOutcome]
    /// The account's throughput limit for `messages` messages now (`ThroughputLimiter.admit`).
    typealias Admit = @Sendable (_ account: String, _ messages: Int) async -> ThroughputDecision

    let authenticator: HTTPAuthenticator
    let admit: Admit
    let accept: Accept
    let reader: HTTPStoreReader
    let queued: QueuedCanceller
    let logger: Logger
    var now: @Sendable () -> Timestamp = { .wallClock }

    /// The calling account by `Authorization: Bearer`: 401 without a valid key, 403 for a
    /// disabled account.
    func authenticate(_ request: HTTPRequest) -> Result<UpstreamAccount, APIError> {
        switch authenticator.account(authorization: request.headers.first(name: "authorization")) {
        case .account(let account): .success(account)
        case .unknown: .failure(.unauthorized)
        case .disabled(let id): .failure(APIError(.forbidden, "account_disabled", "account \(id) is disabled"))
        }
    }

    /// 429 with Retry-After (whole seconds, RFC 9110 §10.2.3) when the account is over its
    /// throughput.
    func limit(_ account: UpstreamAccount, messages: Int) async -> APIError? {
        guard case .refused(let wait) = await admit(account.id, messages) else { return nil }
        let seconds = max(1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18).rounded(.up)))
        return APIError(.tooManyRequests, "throughput_exceeded",
                        "account \(account.id) may send \(account.throughput) messages a second",
                        headers: ["retry-after": String(seconds)])
    }
}
