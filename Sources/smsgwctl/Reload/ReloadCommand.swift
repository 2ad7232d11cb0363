import ArgumentParser
import FoundationEssentials
import GatewayCore
import GatewayIPC
import GatewayConfig

/// `smsgwctl reload`: asks every daemon of the box to read the configuration file again (the
/// `reload` request on its control socket, what SIGHUP does; docs/configuration.md,
/// "Reloading") and prints what each did, one line per daemon: accepted (the sections applied
/// live, those needing a restart) or refused (every problem; it keeps its last good file); a
/// daemon without a socket is "not running". Exit 1 when one refused or did not answer.
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Make the running daemons reload the configuration file.")

    @Option(help: "The box's configuration (its runtime directory holds the daemons' sockets).")
    var config = "/etc/smsgw/gateway.toml"

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        // The file may be the broken one the daemons are about to refuse: only its runtime
        // directory is needed here.
        guard let runtime = ConfigurationLoader.runtimeDirectory(file: config) else {
            throw InputError("\(config): cannot read [runtime] directory from it (not a TOML file?)")
        }
        var outcomes: [DaemonReload] = []
        for daemon in ReloadCall.daemons {
            let path = "\(runtime)/\(daemon).sock"
            outcomes.append(await Self.reload(daemon, at: path))
        }
        if json { try printJSON(outcomes) } else {
            StandardStreams.writeOutput(outcomes.map(\.line).joined(separator: "\n") + "\n")
        }
        if outcomes.contains(where: \.failed) || outcomes.allSatisfy({ $0.state == .notRunning }) { throw ExitCode(1) }
    }

    static func reload(_ daemon: String, at path: String) async -> DaemonReload {
        guard FileManager.default.fileExists(atPath: path) else {
            return DaemonReload(daemon: daemon, state: .notRunning, error: "no socket at \(path)")
        }
        switch await ReloadCall.ask(daemon, socket: path, timeout: .seconds(30)) {
        case .success(let report): return DaemonReload(report)
        // A socket nobody listens on: a daemon that stopped without removing it.
        case .failure(.notRunning(let error)): return DaemonReload(daemon: daemon, state: .notRunning, error: error)
        case .failure(.noAnswer(let error)): return DaemonReload(daemon: daemon, state: .noAnswer, error: error)
        }
    }
}
