import GatewayCore

/// What one SIGHUP reload decided (pure: the files are inputs, so tests need no signal).
/// A file that does not load leaves everything as it was; a good file becomes the last good
/// one, the live sections that differ from what the daemon runs with are applied (unless the
/// daemon says the change is one it cannot take live, e.g. a SIM added), and every section
/// that still differs from what the daemon runs with is named ("needs a restart").
public struct ConfigurationReload: Sendable, Equatable {
    /// Which of the live sections that changed between `running` and `new` cannot be taken live
    /// this time (their change is structural: a SIM added, the hardware watchdog device…).
    public typealias RestartOnly = @Sendable (_ running: GatewayConfiguration, _ new: GatewayConfiguration) -> Set<ConfigurationSection>

    public enum Outcome: Sendable, Equatable {
        /// The new file is invalid: every problem; the last good configuration stays.
        case refused(ConfigurationProblems)
        /// The new file is good. The configuration the daemon now runs with (its start-up file
        /// with every applied section replaced), `apply`: the sections that changed live now,
        /// `needsRestart`: those where the file still differs from what runs.
        case accepted(GatewayConfiguration, apply: [ConfigurationSection], needsRestart: [ConfigurationSection])
    }

    /// The sections this daemon takes without a restart.
    public let live: Set<ConfigurationSection>
    /// The file the daemon started with.
    public let startup: GatewayConfiguration
    /// What the daemon runs with: `startup` with the live sections applied since.
    public private(set) var running: GatewayConfiguration
    /// The last file that loaded.
    public private(set) var lastGood: GatewayConfiguration
    private let restartOnly: RestartOnly

    public init(startup: GatewayConfiguration, live: Set<ConfigurationSection>,
                restartOnly: @escaping RestartOnly = { _, _ in [] }) {
        self.startup = startup
        self.running = startup
        self.lastGood = startup
        self.live = live
        self.restartOnly = restartOnly
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.live == rhs.live && lhs.startup == rhs.startup && lhs.running == rhs.running && lhs.lastGood == rhs.lastGood
    }

    /// Takes the result of loading the file again.
    public mutating func take(_ loaded: Result<GatewayConfiguration, ConfigurationProblems>) -> Outcome {
        switch loaded {
        case .failure(let problems):
            return .refused(problems)
        case .success(let configuration):
            let structural = restartOnly(running, configuration)
            let apply = ConfigurationSection.changed(from: running, to: configuration)
                .filter { live.contains($0) && !structural.contains($0) }
            for section in apply { section.copy(from: configuration, into: &running) }
            lastGood = configuration
            return .accepted(running, apply: apply, needsRestart: ConfigurationSection.changed(from: running, to: configuration))
        }
    }
}
