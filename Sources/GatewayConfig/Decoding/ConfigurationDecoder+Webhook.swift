import GatewayCore

/// `[accounts.webhook]`: url, secret, events, timeout, ca_file (docs/configuration.md).
extension ConfigurationDecoder {
    static func decodeWebhook(_ account: inout TableReader, log: inout DecodeLog) -> WebhookSettings? {
        guard var reader = account.table("webhook", log: &log) else { return nil }
        defer { reader.finish(log: &log) }
        let url = reader.required("url", ValueKind.string.checked(WebhookSettings.urlProblem), log: &log)
        let secret = reader.required("secret", ValueKind.string.checked { secret in
            secret.count >= WebhookSettings.minimumSecretLength
                ? nil : "must be at least \(WebhookSettings.minimumSecretLength) characters (it is the HMAC-SHA256 key)"
        }, log: &log)
        let events = reader.read("events", ValueKind.array(of: ValueKind<WebhookEventKind>.choice).checked { events in
            events.isEmpty ? "must name at least one event (\"dlr\", \"mo\")"
                : Set(events).count != events.count ? "must not name an event twice" : nil
        }, default: WebhookEventKind.allCases, log: &log)
        let timeout = reader.read("timeout", .duration(.seconds(1)...Duration.seconds(120)),
                                  default: ConfigurationDefaults.webhookTimeout, log: &log)
        let caFile = reader.optional("ca_file", .text, log: &log)
        guard let url, let secret else { return nil }
        return WebhookSettings(url: url, secret: secret, events: events, timeout: timeout, caFile: caFile)
    }
}
