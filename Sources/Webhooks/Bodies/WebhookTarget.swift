import GatewayCore

/// Where and how one account's webhooks go: its `[accounts.webhook]` settings.
public struct WebhookTarget: Sendable, Equatable {
    public var account: String
    public var settings: WebhookSettings

    public init(account: String, settings: WebhookSettings) {
        self.account = account
        self.settings = settings
    }

    /// True when the account asked for this kind of event.
    public func wants(_ event: WebhookEvent) -> Bool { settings.events.contains(event.kind) }

    /// The signed POST of `event`, made at `time`.
    public func request(for event: WebhookEvent, at time: Timestamp) -> HTTPCallRequest {
        let body = event.body
        return .post(settings.url,
                     headers: WebhookSignature.headers(for: event, body: body, secret: settings.secret, at: time),
                     body: Array(body.utf8), timeout: settings.timeout, caFile: settings.caFile)
    }
}

extension WebhookTarget {
    /// The webhook target of every enabled account that has one, by account id.
    public static func targets(of accounts: [UpstreamAccount]) -> [String: WebhookTarget] {
        var targets: [String: WebhookTarget] = [:]
        for account in accounts where account.enabled {
            if let settings = account.webhook { targets[account.id] = WebhookTarget(account: account.id, settings: settings) }
        }
        return targets
    }
}
