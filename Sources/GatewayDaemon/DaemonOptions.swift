import ArgumentParser
import GatewayCore
import Logging
import SystemBridge
import GatewayConfig

/// What every smsgw daemon takes on its command line, and the first steps of the story its
/// `main` reads as: log to standard error, load the configuration, make its directories.
public struct DaemonOptions: ParsableArguments {
    @Option(name: .long, help: "The gateway configuration file.")
    public var config: String = "/etc/smsgw/gateway.toml"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.")
    public var logLevel: String = "info"

    public init() {}

    /// Checks the options, and binds the daemon's life to `smsgwctl up`'s when `up` started it
    /// (`ParentDeath`): ArgumentParser validates on the main thread, before the async `run()`
    /// moves to the cooperative pool, and the parent-death signal belongs to the thread that
    /// asks for it.
    public func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level \"\(logLevel)\"") }
        ParentDeath.bind()
    }

    /// Sends swift-log to standard error at `--log-level` (stderr is unbuffered, so a killed
    /// daemon loses nothing); under systemd (`JOURNAL_STREAM` names our stderr) each line
    /// carries its syslog priority (`JournalLogHandler`) so journald keeps the levels. Returns
    /// the daemon's logger.
    public func bootstrapLogging(label: String) -> Logger {
        MallocTuning.apply()  // first: before the threads that would create arenas start
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let journal = JournalStream.isStandardError()
        LoggingSystem.bootstrap { label in
            if journal {
                var handler = JournalLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }

    /// The configuration, validated; a bad file stops the daemon with every problem (file, line,
    /// key, reason). The runtime directory and the store's directory exist afterwards, so
    /// daemons can start in any order on a fresh box.
    public func loadConfiguration() throws -> GatewayConfiguration {
        let configuration: GatewayConfiguration
        do { configuration = try ConfigurationLoader.load(file: config) } catch {
            throw ValidationError(error.description)
        }
        try DaemonDirectories.create(configuration.runtime.directory)
        try DaemonDirectories.create(DaemonDirectories.parent(of: configuration.store.path))
        return configuration
    }
}
