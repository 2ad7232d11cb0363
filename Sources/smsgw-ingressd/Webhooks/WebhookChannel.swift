import GatewayCore
import GatewayDaemon
import Webhooks

/// Delivers DLRs and inbound messages upstream over HTTP(S) (docs/webhooks.md): signed JSON
/// webhooks to the account's `[accounts.webhook]` URL, and Kannel dlr-url GET callbacks.
/// What the answer means for the outbox entry:
/// - 2xx → delivered;
/// - 408, 429, 5xx, and every failure without an answer (refused, unresolved, TLS, timeout)
///   → retry, with the outbox's back-off;
/// - any other status (1xx, 3xx — redirects are not followed —, other 4xx) and a URL that is
///   not http(s) → reject: dead after this attempt, since sending it again cannot help.
struct WebhookChannel: Sendable {
    let client: HTTPCallClient
    /// The clock the signature's timestamp is read from (injected for tests).
    let now: @Sendable () -> Timestamp

    init(client: HTTPCallClient, now: @escaping @Sendable () -> Timestamp = { .wallClock }) {
        self.client = client
        self.now = now
    }

    /// POSTs `event`, signed, to `target`; an event kind the account did not ask for is rejected.
    func deliver(event: WebhookEvent, to target: WebhookTarget) async -> ChannelResult {
        guard target.wants(event) else {
            return .reject("account \(target.account) takes no \(event.kind.rawValue) webhooks")
        }
        return Self.result(of: await client.perform(target.request(for: event, at: now())))
    }

    /// GETs the Kannel dlr-url `template` with its placeholders expanded from `values`.
    func deliverKannelCallback(template: String, values: KannelCallbackValues,
                               timeout: Duration = ConfigurationDefaults.webhookTimeout) async -> ChannelResult {
        let url = KannelDLRURL.expand(template, with: values)
        return Self.result(of: await client.perform(.get(url, timeout: timeout)))
    }

    /// The outcome mapping above.
    static func result(of outcome: HTTPCallOutcome) -> ChannelResult {
        switch outcome {
        case .answered(let status) where (200...299).contains(status):
            return .delivered
        case .answered(let status) where status == 408 || status == 429 || (500...599).contains(status):
            return .retry("HTTP \(status)")
        case .answered(let status):
            return .reject("HTTP \(status)")
        case .failed(let error) where error.reason == .invalidURL:
            return .reject(error.detail)
        case .failed(let error):
            return .retry(error.detail)
        }
    }
}
