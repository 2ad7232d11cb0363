import ArgumentParser
import GatewayCore
import GatewayIPC
import GatewayConfig

/// Where a daemon's control socket is (`--socket`, or `<runtime>/<daemon>.sock` from
/// `--config`), and one call over it (docs/ipc.md) — shared by `smsgwctl modems` and
/// `smsgwctl queue`.
struct DaemonSocketOptions: ParsableArguments {
    @Option(help: "The box's configuration (its runtime directory holds the daemon's socket).")
    var config = "/etc/smsgw/gateway.toml"

    @Option(help: "The daemon's control socket (overrides --config).")
    var socket: String?

    /// The socket of `daemon` ("modemd", "queued").
    func path(of daemon: String) throws -> String {
        try path(of: daemon, in: loadConfiguration())
    }

    /// The socket of `daemon` in a configuration already read (`loadConfiguration()`), for a
    /// command that asks several daemons and reads the file once.
    func path(of daemon: String, in configuration: Result<GatewayConfiguration, ConfigurationProblems>) throws -> String {
        if let socket { return socket }
        guard case .success(let configuration) = configuration else {
            throw InputError("\(config): not a valid configuration (smsgwctl config check \(config))")
        }
        return "\(configuration.runtime.directory)/\(daemon).sock"
    }

    /// `--config`, read and validated.
    func loadConfiguration() -> Result<GatewayConfiguration, ConfigurationProblems> {
        do throws(ConfigurationProblems) { return .success(try ConfigurationLoader.load(file: config)) } catch { return .failure(error) }
    }

    /// One request to smsgw-`daemon` and its response; IPC errors become one `InputError` line.
    func call<P: IPCProtocol>(_ request: P.Request, on daemon: String, protocol: P.Type,
                              timeout: Duration = .seconds(10)) async throws -> P.Response {
        do {
            return try await BoxStatusProbe.call(request, try path(of: daemon), daemon, P.self, timeout)
        } catch let failure as BoxStatusProbe.Unreachable {
            throw InputError(failure.description)
        }
    }
}
