import GatewayCore
import GatewayConfig

/// What one SIGHUP reload decided (pure: the files are inputs, so tests need no signal).
/// A file that does not load leaves everything as it was; a good file becomes the last good
/// one, the live sections that differ from what the daemon runs with are applied (unless the
/// daemon says the change is one it cannot take live, e.g. a SIM added), and every section
/// that still differs from what the daemon runs with is named ("needs a restart").
public struct ConfigurationReload: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The new file is invalid: every problem; the last good configuration stays.
        case refused(ConfigurationProblems)
        /// The new file is good. The configuration the daemon now runs with (its start-up file
        /// with every applied section replaced), `apply`: the sections that changed live now,
        /// `needsRestart`: those where the file still differs from what runs.
        case accepted(GatewayConfiguration, apply: [ConfigurationSection], needsRestart: [ConfigurationSection])
    }

    /// What this daemon reads, takes live, and cannot take live after all.
    public let policy: ReloadPolicy
    /// The sections this daemon takes without a restart.
    public var live: Set<ConfigurationSection> { policy.live }
    /// The file the daemon started with.
    public let startup: GatewayConfiguration
    /// What the daemon runs with: `startup` with the live sections applied since.
    public private(set) var running: GatewayConfiguration
    /// The last file that loaded.
    public private(set) var lastGood: GatewayConfiguration

    public init(startup: GatewayConfiguration, policy: ReloadPolicy) {
        self.startup = startup
        self.running = startup
        self.lastGood = startup
        self.policy = policy
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.policy.reads == rhs.policy.reads && lhs.live == rhs.live && lhs.startup == rhs.startup && lhs.running == rhs.running && lhs.lastGood == rhs.lastGood
    }

    /// Takes the result of loading the file again.
    public mutating func take(_ loaded: Result<GatewayConfiguration, ConfigurationProblems>) -> Outcome {
        switch loaded {
        case .failure(let problems):
            return .refused(problems)
        case .success(let configuration):
            let structural = policy.restartOnly(running, configuration)
            let apply = policy.changed(from: running, to: configuration)
                .filter { policy.live.contains($0) && !structural.contains($0) }
            for section in apply { section.copy(from: configuration, into: &running) }
            lastGood = configuration
            let restart = policy.changed(from: running, to: configuration)
            return .accepted(running, apply: apply, needsRestart: restart)
        }
    }
}
