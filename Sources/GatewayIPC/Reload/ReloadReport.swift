/// What a daemon did with its configuration file when asked to reload (SIGHUP, or the `reload`
/// request every daemon's control socket answers): refused it (every problem, the last good
/// configuration kept), or took it — `applied` the sections changed and taken live,
/// `needsRestart` those changed that the daemon only takes at start (docs/configuration.md,
/// "Reloading").
public struct ReloadReport: Codable, Sendable, Hashable {
    /// `modemd`, `queued`, `ingressd`, `simd`, `watchdogd`.
    public var daemon: String
    /// The file read (`/etc/smsgw/gateway.toml` on the box).
    public var file: String
    /// Whether the file loaded and validated; false: `problems` says why and nothing changed.
    public var accepted: Bool
    /// Top-level sections (`accounts`, `sims`…) changed since the last good file and applied live.
    public var applied: [String]
    /// Sections that differ from the file the daemon started with and wait for its restart.
    public var needsRestart: [String]
    /// Each problem of a refused file: `file: key: reason`.
    public var problems: [String]

    public init(daemon: String, file: String, accepted: Bool, applied: [String], needsRestart: [String], problems: [String]) {
        self.daemon = daemon
        self.file = file
        self.accepted = accepted
        self.applied = applied
        self.needsRestart = needsRestart
        self.problems = problems
    }
}
