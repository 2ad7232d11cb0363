/// The daemons smsgw-watchdogd asks for their health, each over its control socket
/// (docs/ipc.md, docs/watchdogd.md).
public enum WatchedDaemon: String, CaseIterable, Sendable, Hashable, Codable {
    case modemd, queued, simd, ingressd

    /// Whether the daemon takes a `recover` request (the first rung of the ladder). queued
    /// re-sweeps its queue; the others go straight to a restart.
    public var takesRecover: Bool { self == .queued }
}
