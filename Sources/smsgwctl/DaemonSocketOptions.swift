import ArgumentParser
import GatewayCore
import GatewayIPC

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
        if let socket { return socket }
        do {
            return "\(try ConfigurationLoader.load(file: config).runtime.directory)/\(daemon).sock"
        } catch {
            throw InputError("\(config): not a valid configuration (smsgwctl config check \(config))")
        }
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
