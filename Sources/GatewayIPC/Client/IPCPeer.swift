/// Another daemon as its callers see it: a request answered, or the error that stopped it
/// (unreachable, timed out, refused). `PeerLink` is the real one, over the peer's control
/// socket; in-process tests of a daemon's loop put a fake peer in its place.
public protocol IPCPeer<P>: Sendable {
    associatedtype P: IPCProtocol

    /// Whether a connection to the peer is open now (for status answers).
    var isConnected: Bool { get async }

    func call(_ request: P.Request, timeout: Duration) async -> Result<P.Response, IPCError>
}

extension PeerLink: IPCPeer {}
