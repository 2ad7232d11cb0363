// A record the store reads and the upstream delivery code (Webhooks, ingressd) consumes: a
// plain value, so that code does not depend on the SQLite store.

/// A message's Kannel dlr-url and what its placeholders are filled from.
public struct KannelCallbackSource: Sendable, Hashable {
    public var messageID: Int64
    public var dlrURL: String
    public var account: String
    public var upstreamMessageID: String?
    public var source: String
    public var destination: String
    public var text: String
    public var encoding: MessageEncoding
    /// The ICCID of the SIM of the latest attempt; nil before any attempt.
    public var simICCID: String?

    public init(messageID: Int64, dlrURL: String, account: String, upstreamMessageID: String?, source: String, destination: String, text: String, encoding: MessageEncoding, simICCID: String?) {
        self.messageID = messageID
        self.dlrURL = dlrURL
        self.account = account
        self.upstreamMessageID = upstreamMessageID
        self.source = source
        self.destination = destination
        self.text = text
        self.encoding = encoding
        self.simICCID = simICCID
    }
}
