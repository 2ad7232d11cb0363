import GatewayCore

/// How a webhook is signed (docs/webhooks.md): `X-Smsgw-Signature: sha256=<hex>` where hex is
/// HMAC-SHA256 (RFC 2104) under the account's secret of `<timestamp>.<body>`, and
/// `X-Smsgw-Timestamp` the Unix time in seconds when the call was made. Signing the time lets
/// a receiver refuse old replays; signing the exact body bytes means it must verify before
/// parsing.
public enum WebhookSignature {
    public static let timestampHeader = "X-Smsgw-Timestamp"
    public static let signatureHeader = "X-Smsgw-Signature"
    public static let eventHeader = "X-Smsgw-Event"

    /// `sha256=` and the hex HMAC of `"\(timestamp).\(body)"` under `secret`.
    public static func signature(secret: String, timestamp: Int64, body: String) -> String {
        "sha256=" + HMACSHA256.hexAuthenticationCode(key: secret, message: "\(timestamp).\(body)")
    }

    /// Every header of a webhook call but User-Agent (the client sets that).
    public static func headers(for event: WebhookEvent, body: String, secret: String, at time: Timestamp) -> [HTTPHeader] {
        let seconds = time.millisecondsSince1970 / 1_000
        return [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader(eventHeader, event.type),
            HTTPHeader(timestampHeader, String(seconds)),
            HTTPHeader(signatureHeader, signature(secret: secret, timestamp: seconds, body: body)),
        ]
    }
}
