import GatewayCore

/// What one SIGHUP reload decided (pure: the files are inputs, so tests need no signal).
/// A file that does not load leaves everything as it was; a good file becomes the last good
/// one, its live sections are applied, and the sections that differ from what the daemon
/// started with and that it cannot take live are named ("needs a restart").
public struct ConfigurationReload: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The new file is invalid: every problem; the last good configuration stays.
        case refused(ConfigurationProblems)
        /// The new file is good: `apply` are the live sections that changed since the last
        /// good file; `needsRestart` those differing from the running daemon's start-up file.
        case accepted(GatewayConfiguration, apply: [ConfigurationSection], needsRestart: [ConfigurationSection])
    }

    /// The sections this daemon takes without a restart.
    public let live: Set<ConfigurationSection>
    /// The file the daemon started with (what the sections it cannot take live still follow).
    public let startup: GatewayConfiguration
    /// The last file that loaded.
    public private(set) var lastGood: GatewayConfiguration

    public init(startup: GatewayConfiguration, live: Set<ConfigurationSection>) {
        self.startup = startup
        self.lastGood = startup
        self.live = live
    }

    /// Takes the result of loading the file again.
    public mutating func take(_ loaded: Result<GatewayConfiguration, ConfigurationProblems>) -> Outcome {
        switch loaded {
        case .failure(let problems):
            return .refused(problems)
        case .success(let configuration):
            let apply = ConfigurationSection.changed(from: lastGood, to: configuration).filter(live.contains)
            let restart = ConfigurationSection.changed(from: startup, to: configuration).filter { !live.contains($0) }
            lastGood = configuration
            return .accepted(configuration, apply: apply, needsRestart: restart)
        }
    }
}
