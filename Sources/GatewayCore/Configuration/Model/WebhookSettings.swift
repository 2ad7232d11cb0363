/// `[accounts.webhook]`: where the box posts an account's delivery reports and inbound
/// messages as signed JSON (docs/webhooks.md).
public struct WebhookSettings: Sendable, Equatable {
    /// An absolute `http://` or `https://` URL (``WebhookSettings/urlProblem(_:)``).
    public var url: String
    /// The HMAC-SHA256 key the bodies are signed with. Unlike passwords it is kept in plain
    /// text: the box needs the key itself to sign, a hash of it would not do.
    public var secret: String
    /// Which events are posted.
    public var events: [WebhookEventKind]
    /// The longest one call may take, connecting included.
    public var timeout: Duration
    /// A PEM file of CA certificates to verify an https URL with, instead of the system's.
    public var caFile: String?

    public init(url: String, secret: String, events: [WebhookEventKind] = WebhookEventKind.allCases,
                timeout: Duration = ConfigurationDefaults.webhookTimeout, caFile: String? = nil) {
        self.url = url
        self.secret = secret
        self.events = events
        self.timeout = timeout
        self.caFile = caFile
    }

    /// The shortest secret accepted: 16 characters (128 bits if random, RFC 2104 §3 asks for
    /// a key not shorter than the output for full strength; 16 is the floor we enforce).
    public static let minimumSecretLength = 16

    /// Why `url` cannot be a webhook URL, or nil: it must be `http://` or `https://`, then a
    /// host, with no spaces or control characters (RFC 3986 §3).
    public static func urlProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else {
            return "must start with http:// or https://, found \"\(url)\""
        }
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return "must not contain spaces or control characters"
        }
        let authority = url.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { $0.hasPrefix("[") ? $0 : $0.prefix { $0 != ":" } } ?? ""
        return host.isEmpty ? "must name a host after \(scheme)" : nil
    }
}

/// The events a webhook can carry.
public enum WebhookEventKind: String, Sendable, Hashable, CaseIterable {
    /// A delivery report: the message's state changed (`"type": "message.status"`).
    case dlr
    /// An inbound (MO) message (`"type": "message.inbound"`).
    case mo
}
