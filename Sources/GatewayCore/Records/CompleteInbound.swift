// A record the store reads and the upstream delivery code (Webhooks, ingressd) consumes: a
// plain value, so that code does not depend on the SQLite store.

/// A complete (or abandoned) inbound message waiting to be forwarded upstream.
public struct CompleteInbound: Sendable, Hashable {
    public var id: Int64
    public var modemID: Int64
    public var simID: Int64?
    public var originator: String
    /// The text; for an abandoned message each missing part is the store's missing-part marker.
    public var text: String
    /// When it completed, or was abandoned.
    public var completedAt: Timestamp
    /// False for a message abandoned with parts missing (forward it marked incomplete).
    public var isComplete: Bool

    public init(id: Int64, modemID: Int64, simID: Int64?, originator: String, text: String, completedAt: Timestamp, isComplete: Bool) {
        self.id = id
        self.modemID = modemID
        self.simID = simID
        self.originator = originator
        self.text = text
        self.completedAt = completedAt
        self.isComplete = isComplete
    }
}
